<#import "lib.ftl" as b>
${g.headline}: ${g.news_sub}

${g.news_dateline} — ${g.news_lede}

${g.news_quote_h}

${g.news_quote_a} "${g.reply} ${g.say}"

<#list 1..b.beats(75, 2, 7) as i>
<#switch (d[2] + i) % 4>
<#case 0>${g.act}. ${g.think}.<#break>
<#case 1>${g.news_background}<#break>
<#case 2>${g.news_quote_h}<#break>
<#default>${g.news_quote_a} "${g.say}"
</#switch>


</#list>
${g.news_end}
