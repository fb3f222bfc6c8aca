<#import "lib.ftl" as b>
<#-- A first-person account by the person who worked with the AI ({H} is "I"): who they are,
     what happened, the opening exchange, the conversation with what the AI did between (no
     narrated thoughts: the narrator only knows what the AI said and did), then
     the close and what the narrator makes of it now. About 60 words a beat. -->
<#assign beats = [[(s.target / 60)?int - 3, 2]?max, 14]?min>
<#assign kinds = ["ex", "act", "ex", "scene", "ex", "work", "act", "ex", "ex", "act", "scene", "ex", "work", "ex"]>
${g.ha_open}

${g.event_line}

<@b.exchange x=u("open")/>


<#list 0..<beats as i>
<#assign k = kinds[(d[1] + i) % kinds?size]>
<#if k == "ex"><#assign x = b.next_unit(i)><#if x?is_hash><@b.exchange x=x/></#if><#else><@b.beat kind=k/></#if>


</#list>
${g.close}

${g.ha_close}
