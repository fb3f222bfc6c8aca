<#-- Budget (lib.ftl): reply 1, say <= 5, hq <= 3, act <= 2. Beat kinds rotate through one cycle. -->
<#assign H = h.name?upper_case>
<#assign A = a.name?upper_case>
<#assign SP = ["hq", "act", "line", "beat", "hq", "small", "act", "hq", "beat", "line"]>
${g.sp_title}

INT. ${g.spot?upper_case} — ${g.sp_time}

${g.sp_action}

${H}
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if>${g.ask}

${A} (V.O.)
${g.reply}

<#list 1..[[(s.target / 50)?int, 5]?max, SP?size]?min as i>
<#switch SP[(d[2] + i) % SP?size]>
<#case "act">
${g.sp_action} ${g.act}.<#break>
<#case "beat">
${g.sp_beat}<#break>
<#case "small">
${H}
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if>${g.sp_small}

${A} (V.O.)
${g.sp_a_small}<#break>
<#case "line">
${H}
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if>${g.hline}

${A} (V.O.)
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if>${g.say}<#break>
<#default>
${H}
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if>${g.hq}

${A} (V.O.)
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if>${g.say}
</#switch>


</#list>
${g.sp_last}
