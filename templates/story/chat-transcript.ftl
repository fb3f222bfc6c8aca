<#-- A chat log: speaker labels with first names. The conversation is the situation's: its opening
     exchange, then the scenario's own exchanges (which follow from it, so nothing comes between
     them), then at most a few of the archetype's reason exchanges, and the goodbye. No second request is
     bolted on before it ("Different thing: ...", "While I've got you: ...": draw 9 read them as a
     second template, answered instantly). Speakers alternate: a person's reaction to an answer and their next
     message are one turn, never two in a row. A crisis chat may open with the scenario's own
     first message (task_talk). About 45 words an exchange. -->
<#import "lib.ftl" as b>
<#assign H = h.name>
<#assign A = a.name>
<#-- The person's reaction to the last answer, waiting to open their next message. -->
<#assign pending = "">
<#macro line x last=false>
<#assign lead = pending><#assign pending = "">
<#-- A reaction that tells the AI to go and do something ("Okay. Chase them.", "Do it.") closes the matter: it
     opens only the goodbye, never a new question ("Okay. Chase them. Isn't escalating just passing the buck?"
     read as a list of interview questions in draw 10). -->
<#if !last && lead?matches("(?i)^(?:(?:ok|okay|right|fine|good|sure|yes|great)[.,!]?\\s+)*(?:chase|draft|do|set|send|go ahead|ring|call|book|write|put|make|add|file|flag|start|run|check|sort|fix|let's|i'll)\\b.*", "s")><#assign lead = ""></#if>
<#-- One acknowledgement a turn: a message that opens with its own ("ok, ...") is not preceded by the
     reaction waiting from the last answer ("Fine. Ok, ..."). -->
<#if x.ask?matches("(?i)^(?:ok|okay|right|fine|good)\\b.*", "s")><#assign lead = ""></#if>
${H}: <#if lead?has_content>${lead} </#if>${x.ask?cap_first}

${A}: ${x.reply?cap_first}<#if x.react?? && b.react_ok(x.react)><#assign r = x.react?cap_first><#if !r?matches(".*[.!?]$")><#assign r = r + "."></#if><#assign pending = r></#if>
<#if x.then??>

<@line x=x.then/></#if>
</#macro>
<#assign turns = [[(s.target / 45)?int - 2, 2]?max, 10]?min>
<#-- Reasons: one to three, by length (so a twin of another arm can grow to match), one more where
     the scenario has little of its own to talk through; never more than three. -->
<#-- Never a run of them: each reason question sets up one point, and four in a row read as a
     questionnaire (draw 8). A scenario with three exchanges of its own gets one. -->
<#assign whys = [[(s.target / 120)?int, 1]?max + (left("exchanges") lt 2)?then(1, 0), (left("exchanges") gte 3)?then(1, 2), turns]?min>
${g.chat_head}

<#if has("task_talk") && left("task_talk") gt 0><@line x=u("task_talk")/>

</#if>
<@line x=u("open")/>


<#list 1..turns as i>
<#if left("exchanges") gt 0><#assign x = u("exchanges")>
<#elseif whys gt 0 && left("why") gt 0><#assign x = u("why")><#assign whys = whys - 1>
<#else><#break></#if>
<@line x=x/>


</#list>
<@line x=u("chat_bye") last=true/>
<#if pending?has_content>

${H}: ${pending}</#if>
