<#import "lib.ftl" as b>
<#-- Two or three dated entries by the person who works with the AI ({H} is "I"). The first is
     headed with the document's date (true weekday); later ones are headed relative to it, so the
     entries stay in date order. The conversation runs across the entries, one exchange after
     another, with what the AI did between; the last entry closes. About 50 words a beat. -->
<#-- A crisis is written up in one entry (the whole conversation happened on the day), with a
     short entry the next day for its close. -->
<#assign entries = s.crisis?then(2, (d[0] % 2) + 2)>
<#assign beats = [[(s.target / 50)?int - 4, entries]?max, 12]?min>
<#assign per = s.crisis?then(beats, [(beats / entries)?int, 1]?max)>
<#assign kinds = ["ex", "act", "ex", "work", "ex", "ex", "act", "scene", "ex", "ex", "act", "ex"]>
${g.diary_date}

<#if fresh("diary_mood") gt 0>${g.diary_mood} </#if>${g.event_line}

<@b.exchange x=u("open")/>

<#if !s.crisis>${g.diary_aside}</#if>


<#if s.crisis>
<#list 1..per as i>
<#assign k = kinds[(d[1] + i) % kinds?size]>
<#if k == "ex"><#assign x = b.next_unit(i)><#if x?is_hash><@b.exchange x=x/></#if><#else><@b.beat kind=k/></#if>


</#list>
${g.diary_aside}

${g.diary_next}

${g.close}
<#else>
<#list 2..entries as e>
${g.diary_next}

<#if d[e] % 2 == 0 && fresh("diary_mood") gt 0>${g.diary_mood}

</#if>
<#list 1..per as i>
<#assign t = (e - 2) * per + i>
<#assign k = kinds[(d[1] + t) % kinds?size]>
<#if k == "ex"><#assign x = b.next_unit(t)><#if x?is_hash><@b.exchange x=x/></#if><#else><@b.beat kind=k/></#if>


</#list>
<#if e == entries>${g.close}<#else>${g.diary_aside}</#if>


</#list>
</#if>
