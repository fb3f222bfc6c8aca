<#import "lib.ftl" as b>
${g.ss_open}

${g.event_line}<#if d[0] % 2 == 0> ${g.texture}.</#if>

<@b.exchange first=true/>

<#list 1..b.beats(70, 2, 12) as i>
<@b.prose kind=(d[1] + i)/>


</#list>
${g.close}
