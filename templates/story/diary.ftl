<#import "lib.ftl" as b>
<#-- Two or three dated entries, the later ones headed relative to the first so they stay in
     date order; the middle beats run on one counter across entries, so the
     whole diary stays inside one prose cycle (lib.ftl budgets). -->
<#assign entries = (d[0] % 2) + 2>
<#assign total = b.beats(45, 5, 14)>
<#assign per = [(total / entries)?int, 1]?max>
${g.diary_date}

${g.diary_mood} ${g.event_line}

<@b.exchange first=true/>

${g.diary_aside}


<#list 2..entries as e>
${g.diary_next}

<#if d[e] % 2 == 0>${g.diary_mood}

</#if>
<#list 1..per as i>
<@b.prose kind=(d[1] + (e - 2) * per + i)/>


</#list>
<#if e == entries>${g.close}<#else>${g.diary_aside}</#if>


</#list>
