<#-- A chat log: speaker labels with first names. The person may open with a task request; then
     the scenario's opening exchange, its further exchanges and the AI's reasons, each reply
     bound to its question, and a goodbye that fits the time of day. About 45 words an exchange. -->
<#import "lib.ftl" as b>
<#assign H = h.name>
<#assign A = a.name>
<#macro line x>
${H}: ${x.ask?cap_first}

${A}: ${x.reply?cap_first}<#if x.react??>

${H}: ${x.react?cap_first}</#if>
<#if x.then??>

<@line x=x.then/></#if>
</#macro>
<#assign turns = [[(s.target / 45)?int - 2, 2]?max, 16]?min>
${g.chat_head}

<#if d[0] % 3 == 0 && left("task_talk") gt 0><@line x=u("task_talk")/>

</#if>
<@line x=u("open")/>


<#list 0..<turns as i>
<#assign x = b.next_unit(i, true)><#if !x?is_hash><#break></#if>
<@line x=x/>


</#list>
<@line x=u("chat_bye")/>
