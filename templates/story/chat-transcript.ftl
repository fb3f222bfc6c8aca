<#-- Speaker labels use the first name; the polisher capitalises the text after a label.
     Budget (lib.ftl): reply 1, say <= 6, hq <= 3. Exchange kinds rotate through one cycle; the
     "work" and "small" kinds are generic task talk and draw no archetype symbol. -->
<#assign H = h.name>
<#assign A = a.name>
<#assign CH = ["hq", "small", "push", "work", "hq", "aside", "line", "hq", "work", "aside"]>
${g.chat_head}

${H}: ${g.ask}

${A}: ${g.reply}

<#list 1..[[(s.target / 50)?int, 4]?max, CH?size]?min as i>
<#switch CH[(d[1] + i) % CH?size]>
<#case "hq">${H}: ${g.hq}

${A}: ${g.say}<#break>
<#case "small">${H}: ${g.chat_small}

${A}: ${g.say}<#break>
<#case "push">${H}: ${g.chat_push}

${A}: ${g.say} ${g.chat_offer}<#break>
<#case "work">${H}: ${g.chat_task}

${A}: ${g.chat_done}<#break>
<#case "aside">${H}: ${g.chat_aside}

${A}: ${g.chat_ack}<#break>
<#default>${H}: ${g.hline}

${A}: ${g.say}
</#switch>


</#list>
${H}: ${g.chat_bye}

${A}: ${g.chat_last}
