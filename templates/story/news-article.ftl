<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): reply 1, say <= 2, act 1, think 1, principle 1, topic 1, headline 1.
     Paragraph kinds after the lede rotate through one cycle. -->
<#assign NW = ["act", "bg", "qh", "qa", "ctx", "think", "qh", "qa"]>
${g.headline}: ${g.news_sub}

${g.news_dateline} — ${g.news_lede}

${g.news_quote_a} "${g.reply}"

<#list 1..b.beats(60, 3, NW?size) as i>
<#switch NW[(d[2] + i) % NW?size]>
<#case "act">${g.news_act} ${g.act}.<#break>
<#case "bg">${g.news_background}<#break>
<#case "qh">${g.news_quote_h}<#break>
<#case "ctx">${g.news_context}<#break>
<#case "think">${g.news_think} ${g.think}.<#break>
<#default>${g.news_quote_a2} "${g.say}"
</#switch>


</#list>
${g.news_end}
