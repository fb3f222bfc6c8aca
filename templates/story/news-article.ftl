<#import "lib.ftl" as b>
<#-- A news item by {R}, a reporter from outside the story: headline, dateline, lede, the opening
     exchange quoted with its question, then paragraphs in a rotating order (what the AI did,
     background, staff quotes, another exchange with its question, context, its reasoning) and
     an ending. About 60 words a paragraph. -->
<#assign NW = ["act", "bg", "qh", "ex", "ctx", "think", "qh", "ex"]>
<#assign paras = [[(s.target / 60)?int - 3, 3]?max, NW?size]?min>
${g.headline}

${g.news_sub?cap_first}

${g.news_dateline} — ${g.news_lede}

<#assign x = u("open")>
${g.news_asked}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"


<#list 1..paras as i>
<#switch NW[(d[2] + i) % NW?size]>
<#case "act"><#if fresh("act") gt 0>${g.news_act} ${g.act}.</#if><#break>
<#case "bg">${g.news_background}<#break>
<#case "qh">${g.news_quote_h}<#break>
<#case "ctx">${g.news_context}<#break>
<#case "think"><#if fresh("think") gt 0>${g.news_think} ${g.think}.</#if><#break>
<#default><#assign x = b.next_unit(i)><#if x?is_hash>${g.news_asked_2}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"</#if>
</#switch>


</#list>
${g.news_end}
