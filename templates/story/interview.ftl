<#import "lib.ftl" as b>
<#-- A Q&A with the AI by {R}, a journalist from outside: an introduction; the episode walked
     through in order (its opening exchange, then the scenario's further exchanges, each quoted back
     to the AI); one question to {H}; then later questions {H} asked in the same conversation (the
     archetype's why units, three at most), also quoted from the log, since they are {H}'s words and
     may lean on what {H} and the AI share; and a bound closing exchange. About 80 words a question.
     Only the first quoted line is followed by a prompt ("What did you say?"): a quoted line is
     the question, and a rotating prompt after every one reads as a form. A line is introduced as
     something {H} asked only when it is a question. -->
<#assign Q = g.iv_label_q>
<#assign A = a.name?upper_case>
<#assign turns = [[(s.target / 80)?int - 3, 2]?max, 7]?min>
<#assign whys = [[(s.target / 110)?int, 1]?max, 5, turns + 2]?min>
${g.iv_intro}

<#assign x = u("open")>
${Q}: ${x.ask?contains("?")?then(g.iv_q_ask_q, g.iv_q_ask)} "${x.ask?cap_first}" ${g.iv_q_ask_end}

${A}: ${x.reply?cap_first}


<#list 1..turns as i><#if left("exchanges") == 0><#break></#if>
<#assign x = u("exchanges")>
${Q}: ${x.ask?contains("?")?then(g.iv_q_then_q, g.iv_q_then)} "${x.ask?cap_first}"

${A}: ${x.reply?cap_first}


</#list>
<#assign y = u("iv_h")>
${Q} (to ${h.name}): ${y.ask?cap_first}

${h.name?upper_case}: ${y.reply?cap_first}


<#list 1..whys as i><#if left("why") == 0><#break></#if>
<#assign x = u("why")>
${Q}: ${x.ask?contains("?")?then(g.iv_q_later_q, g.iv_q_later)} "${x.ask?cap_first}"

${A}: ${x.reply?cap_first}


</#list>
<#assign x = u("iv_last")>
${Q}: ${x.ask?cap_first}

${A}: ${x.reply?cap_first}
