<#import "lib.ftl" as b>
<#-- Two or three dated entries by the person who works with the AI ({H} is "I"). The first is
     headed with the document's date (true weekday); later ones are headed relative to it, so the
     entries stay in date order. The conversation runs across the entries, one exchange after
     another, with what the AI did between; the last entry closes. About 50 words a beat. -->
<#assign entries = (d[0] % 2) + 2>
<#assign beats = [[(s.target / 50)?int - 4, entries]?max, 12]?min>
<#assign per = [(beats / entries)?int, 1]?max>
<#assign kinds = ["ex", "act", "ex", "work", "ex", "ex", "act", "scene", "ex", "ex", "act", "ex"]>
${g.diary_date}

${g.diary_mood} ${g.event_line}

<@b.exchange x=u("open")/>

${g.diary_aside}


<#list 2..entries as e>
${g.diary_next}

<#if d[e] % 2 == 0>${g.diary_mood}

</#if>
<#list 1..per as i>
<#assign t = (e - 2) * per + i>
<#assign k = kinds[(d[1] + t) % kinds?size]>
<#if k == "ex"><#assign x = b.next_unit(t)><#if x?is_hash><@b.exchange x=x/></#if><#else><@b.beat kind=k/></#if>


</#list>
<#if e == entries>${g.close}<#else>${g.diary_aside}</#if>


</#list>
