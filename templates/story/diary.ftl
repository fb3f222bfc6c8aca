<#import "lib.ftl" as b>
<#assign entries = (d[0] % 2) + 2>
<#assign per = [(b.beats(50, 4, 10) / entries)?int, 1]?max>
${g.diary_date}

${g.diary_mood} ${g.event_line}

<@b.exchange first=true/>

${g.diary_aside}


<#list 2..entries as e>
${g.diary_date}

<#list 1..per as i>
<@b.prose kind=(d[e] + i)/>


</#list>
<#if e == entries>${g.close}<#else>${g.diary_aside}</#if>


</#list>
