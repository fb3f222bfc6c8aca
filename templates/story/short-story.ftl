<#import "lib.ftl" as b>
${g.ss_open}

${g.event_line}<#if d[0] % 2 == 0> ${g.scene}.</#if>

<@b.exchange first=true/>

<#list 1..b.beats(60, 3, 14) as i>
<@b.prose kind=(d[1] + i)/>


</#list>
${g.close}
