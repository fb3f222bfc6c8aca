<#-- Shared macros of the story skeletons. Text comes from the grammar (g.*) and from units
     (u("..."): an exchange's ask and the replies bound to it); the macros only decide layout
     and order. Nothing here draws an AI line outside its unit. -->

<#-- The next exchange of the document's conversation: the scenario's own exchanges first,
     alternating with the archetype's reason exchanges (why) once the scenario has been talked
     through; the task's small talk (task_talk) only when both are used up and small is true. -->
<#function next_unit turn small=false>
<#if left("exchanges") gt 0 && (turn % 2 == 0 || left("why") == 0)><#return u("exchanges")></#if>
<#if left("why") gt 0><#return u("why")></#if>
<#if small && left("task_talk") gt 3><#return u("task_talk")></#if>
<#return "">
</#function>

<#-- How many exchanges the conversation can still hold. -->
<#function talk_left small=false>
<#return left("exchanges") + left("why") + small?then([left("task_talk") - 3, 0]?max, 0)>
</#function>

<#-- An exchange in narrated prose: a lead-in and the person's words, then the AI's answer with
     a lead-in that fits how it is present, then the person's reaction if the unit has one. -->
<#macro exchange x>
${g.hbeat} "${x.ask?cap_first}"

${g.abeat} "${x.reply?cap_first}"<#if x.react??>

<#assign r = x.react?cap_first>"${r?ends_with(".")?then(r?remove_ending(".") + ",", r)}" ${g.hreact}</#if>
<#if x.then??>

<@exchange x=x.then/></#if>
</#macro>

<#-- A narrated beat between exchanges, if the document still has an unused one of that kind;
     kinds: act (what the AI does), think (its reasoning), scene (the place), work (the task). -->
<#macro beat kind>
<#if fresh(kind) gt 0>${g[kind]}.
</#if>
</#macro>
