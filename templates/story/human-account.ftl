<#import "lib.ftl" as b>
${g.ha_open}

${g.event_line}

<@b.exchange first=true/>


<#list 1..b.beats(65, 3, 14) as i>
<@b.prose kind=(d[1] + i)/>


</#list>
${g.close}

${g.ha_close}
