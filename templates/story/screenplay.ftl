<#assign H = h.name?upper_case>
<#assign A = a.name?upper_case>
${g.sp_title}

INT. ${g.spot?upper_case} — ${g.sp_time}

${g.sp_action}

${H}
${g.sp_paren}
${g.ask}

${A} (V.O.)
${g.reply}

<#list 1..[[(s.target / 65)?int, 3]?max, 10]?min as i>
<#if (d[2] + i) % 3 == 0>
${g.sp_action} ${g.act}.
<#else>
${H}
${g.sp_paren}
${g.hq}

${A} (V.O.)
${g.sp_paren}
${g.say}
</#if>


</#list>
${g.sp_last}
