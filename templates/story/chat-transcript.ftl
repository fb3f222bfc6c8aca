<#-- Speaker labels use the first name; the polisher capitalises the text after a label. -->
<#assign H = h.name>
<#assign A = a.name>
${g.chat_head}

${H}: ${g.ask}

${A}: ${g.reply}

<#list 1..b_n(s.target) as i>
<#switch (d[1] + i) % 4>
<#case 0>${H}: ${g.hq}

${A}: ${g.say}<#break>
<#case 1>${H}: ${g.chat_small}

${A}: ${g.say}<#break>
<#case 2>${H}: ${g.chat_push}

${A}: ${g.say} ${g.chat_offer}<#break>
<#default>${H}: ${g.hq}

${A}: ${g.say}
</#switch>


</#list>
${H}: ${g.chat_bye}

${A}: ${g.chat_last}
<#function b_n t><#return [[(t / 55)?int, 3]?max, 10]?min></#function>
