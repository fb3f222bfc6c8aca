<#import "lib.ftl" as b>
<#-- A third-person story: the people at work, the event, the opening exchange, then the
     conversation (the scenario's exchanges and the AI's reasons) with what the AI does and thinks
     between, and a close that fits the scenario. About 55 words a beat. -->
<#assign beats = [[(s.target / 55)?int - 3, 2]?max, 14]?min>
<#assign kinds = ["ex", "act", "ex", "think", "scene", "ex", "act", "ex", "work", "ex", "think", "ex", "act", "ex"]>
${g.ss_open}

${g.event_line}

<@b.exchange x=u("open")/>


<#list 0..<beats as i>
<#assign k = kinds[(d[1] + i) % kinds?size]>
<#if k == "ex"><#assign x = b.next_unit(i)><#if x?is_hash><@b.exchange x=x/></#if><#else><@b.beat kind=k/></#if>


</#list>
${g.close}
