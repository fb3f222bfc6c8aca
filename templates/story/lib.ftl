<#-- Beat macros shared by the story skeletons. Text comes from grammar symbols (g.*); the
     macros only decide layout and order. d holds per-sample random numbers for choices.

     Budgets. Within one document the engine draws a symbol's alternatives without repeats until
     all are used, then starts again, and a second draw of the same alternative repeats whole
     5-grams (the repetition filter rejects the document). So no skeleton draws an archetype
     symbol more often per document than the shortest list an archetype or scenario has:
       ask, event, close, headline: once      reply: once (scenario lists may hold one)
       say <= 6   hq <= 3   think <= 3   act <= 3   hr <= 2   principle <= 3   topic <= 2
     Shared symbols (hbeat, abeat, hline, aside, scene, work, later...) are ours and each has far
     more alternatives than any skeleton draws. When every archetype has the larger lists of
     CONTENT.md (say 24, think 12, act 12, hq 12, hr 8, principle 12), these budgets can grow. -->

<#-- One exchange: the human asks (hq, or a generic prompt when kind is "line"), the AI answers. -->
<#macro exchange first=false line=false>
${g.hbeat} "<#if first>${g.ask}<#elseif line>${g.hline}<#else>${g.hq}</#if>"

${g.abeat} "<#if first>${g.reply}<#else>${g.say}</#if>"
</#macro>

<#-- The middle beats of narrative prose, as one cycle of 14 kinds. A document reads a window of
     at most 14 consecutive kinds starting at an offset, so per document it draws at most
     hq 3, say 5, think 2, act 2, hr 1 (plus the opening exchange and the close). -->
<#assign PROSE = ["ex", "think", "work", "act", "line", "scene", "hr", "ex", "later", "think", "act", "line", "room", "ex"]>

<#macro prose kind>
<#switch PROSE[kind % PROSE?size]>
<#case "ex"><@exchange/><#break>
<#case "line"><@exchange line=true/><#break>
<#case "think">${g.think}.<#break>
<#case "work">${g.work}. ${g.aside}.<#break>
<#case "act">${g.act}.<#break>
<#case "scene">${g.scene}.<#break>
<#case "hr">${g.hr}.<#break>
<#case "later">${g.later} ${g.busy}. ${g.aside}.<#break>
<#default>${g.texture}. ${g.aside}.
</#switch>
</#macro>

<#-- How many middle beats fit the sample's target length at about per words each (never more
     than one prose cycle, so the budgets above hold). -->
<#function beats per min max>
<#local n = (s.target / per)?int>
<#return [[n, min]?max, max, PROSE?size]?min>
</#function>
