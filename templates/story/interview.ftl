<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): reply 1, ask 1, say <= 6 (two opening answers, then at most four in the
     four-question loop), hq <= 3. Question kinds rotate through one cycle:
     hq (the archetype's questions), q (the interviewer's generic questions), h (to the human). -->
<#assign IV = ["hq", "q", "h", "hq", "q", "hq"]>
${g.iv_intro}

<#assign Q = g.iv_label_q>
<#assign A = a.name?upper_case>
<#-- The first answer is the AI's reply to the scenario's ask, so the question quotes the ask. -->
${Q}: ${g.iv_q_ask} "${g.ask}" ${g.iv_q_ask_end}

${A}: ${g.reply} ${g.say}

${Q}: ${g.iv_q_open}

${A}: ${g.say}

<#list 1..[[(s.target / 90)?int, 3]?max, 4]?min as i>
<#switch IV[(d[1] + i) % IV?size]>
<#case "h">
${Q} (to ${h.name}): ${g.iv_q_h}

${h.name?upper_case}: ${g.hquote}<#break>
<#case "hq">
${Q}: ${g.iv_q_lead}${g.hq}

${A}: ${g.iv_a_lead} ${g.say}<#break>
<#default>
${Q}: ${g.iv_q}

${A}: ${g.say}
</#switch>


</#list>
${Q}: ${g.iv_q_last}

${A}: ${g.iv_a_last}
