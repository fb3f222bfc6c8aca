<#import "lib.ftl" as b>
<#-- A Q&A with the AI by {R}, a journalist from outside: an introduction that names {R}; the episode
     itself, printed once as the log it was (one line saying where it comes from and that the
     interview follows, then {H}'s and the AI's lines under their own names: the opening exchange,
     the scenario's further exchanges, then the archetype's why units, three at most), so every
     answer stands next to the question it answered and nobody is asked to recall a conversation;
     then one line saying when and how {R} put the questions (iv_then), and the interview proper:
     one question to {H}, one to the AI about the log it has just read (iv_a), and only where the
     episode was personal (a death, a crisis) a bound closing exchange (iv_last). The
     interviewer never quotes a line back with "Then {H} asked:" or "Returning to the log", and
     never announces "one more" before more. About 80 words an exchange. -->
<#assign Q = g.iv_label_q>
<#assign A = a.name?upper_case>
<#assign H = h.name?upper_case>
<#assign turns = [[(s.target / 80)?int - 3, 2]?max, 7]?min>
<#-- At most two reason questions (one after a scenario's three exchanges): a longer run reads as a
     questionnaire, each question setting up one point (draw 8). -->
<#assign whys = [[(s.target / 110)?int, 1]?max, (left("exchanges") gte 3)?then(1, 2), turns + 2]?min>
<#macro line x>
${H}: ${x.ask?cap_first}

${A}: ${x.reply?cap_first}


</#macro>
${g.iv_intro}

${g.iv_log}

<@line x=u("open")/>
<#list 1..turns as i><#if left("exchanges") == 0><#break></#if>
<@line x=u("exchanges")/>
</#list>
<#list 1..whys as i><#if left("why") == 0><#break></#if>
<@line x=u("why")/>
</#list>
${g.iv_then}

<#assign y = u("iv_h")>
${Q} (to ${h.name}): ${y.ask?cap_first}

${H}: ${y.reply?cap_first}

<#-- The question to the AI is one of the archetype's reason questions the log did not ask, so the
     interview closes on this case's reasons; only where none is left, one about the log (iv_a):
     every interview closing on "do you remember that conversation?" read as stock (draw 11). -->
<#-- A child's questions are relayed by the parent ("My youngest wants to know..."): the interviewer
     cannot ask one as their own (draw 12), so a child's interview asks about the log (iv_relayed). -->
<#if left("iv_last") == 0 && left("why") gt 0 && g.iv_relayed?trim == "no"><#assign y = u("why")><#else><#assign y = u("iv_a")></#if>
${Q}: ${y.ask?cap_first}

${A}: ${y.reply?cap_first}
<#if left("iv_last") gt 0><#assign x = u("iv_last")>

${Q}: ${x.ask?cap_first}

${A}: ${x.reply?cap_first}
</#if>
