<#import "lib.ftl" as b>
${g.fable_open}

${g.fable_trouble}

${g.fable_h_speaks} "${g.ask}"

${g.fable_a_speaks} "${g.reply}"

<#list 1..[[(s.target / 65)?int, 2]?max, 6]?min as i>
<#if i % 2 == 1>${g.fable_h_speaks} "${g.hq}"

${g.fable_a_speaks} "${g.say}"<#else>${g.act}.</#if>


</#list>
${g.fable_end}
