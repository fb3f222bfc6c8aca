<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): ask, reply 1, hq <= 2, say <= 3, act <= 2. -->
<#assign FB = ["hq", "act", "tale", "line", "hq", "tale", "act"]>
${g.fable_open}

${g.fable_trouble}

${g.fable_h_speaks} "${g.ask}"

${g.fable_a_speaks} "${g.reply}"

<#list 1..[[(s.target / 60)?int, 3]?max, FB?size]?min as i>
<#switch FB[(d[1] + i) % FB?size]>
<#case "act">${g.act}.<#break>
<#case "tale">${g.fable_beat}<#break>
<#case "line">${g.fable_h_speaks} "${g.hline}"

${g.fable_a_speaks} "${g.say}"<#break>
<#default>${g.fable_h_speaks} "${g.hq}"

${g.fable_a_speaks} "${g.say}"
</#switch>


</#list>
${g.fable_end}
