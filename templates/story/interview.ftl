<#import "lib.ftl" as b>
<#-- A Q&A with the AI by {R}, a journalist from outside: an introduction, the episode's opening
     exchange quoted back to the AI, the scenario's further exchanges the same way, the
     interviewer's own questions (the archetype's why units), one question to {H}, and a bound
     closing exchange. About 80 words a question. -->
<#assign Q = g.iv_label_q>
<#assign A = a.name?upper_case>
<#assign turns = [[(s.target / 80)?int - 3, 2]?max, 8]?min>
<#assign toH = d[3] % turns>
${g.iv_intro}

<#assign x = u("open")>
${Q}: ${g.iv_q_ask} "${x.ask?cap_first}" ${g.iv_q_ask_end}

${A}: ${x.reply?cap_first}


<#list 0..<turns as i>
<#if i == toH>
<#assign y = u("iv_h")>
${Q} (to ${h.name}): ${y.ask?cap_first}

${h.name?upper_case}: ${y.reply?cap_first}


</#if>
<#if left("exchanges") gt 0 && i % 2 == 0>
<#assign x = u("exchanges")>
${Q}: ${g.iv_q_then} "${x.ask?cap_first}" ${g.iv_q_ask_end}

${A}: ${x.reply?cap_first}


<#elseif left("why") gt 0>
<#assign x = u("why")>
${Q}: ${g.iv_q_lead}${x.ask?cap_first}

${A}: ${x.reply?cap_first}


</#if>
</#list>
<#assign x = u("iv_last")>
${Q}: ${x.ask?cap_first}

${A}: ${x.reply?cap_first}
