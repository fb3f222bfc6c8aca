<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): ask, reply 1, say <= 3. Replies rotate through one cycle; forum_reply_body
     (a large shared list) is drawn at most 8 times. -->
<#assign FO = ["reply", "two", "op", "reply", "reply", "op", "two", "reply"]>
<#-- The original poster keeps one handle through the thread. -->
<#assign opname = g.handle>
${g.forum_board}${g.forum_title}

${opname} wrote:

${g.fo_open} ${g.event_line}

<@b.exchange first=true/>

${g.fo_mid} "${g.say}"

${g.forum_op_end}


<#list 1..b.beats(80, 2, FO?size) as i>
<#assign kind = FO[(d[1] + i) % FO?size]>
<#if kind == "op">${opname} (OP) wrote:<#else>${g.forum_byline}</#if>

<#switch kind>
<#case "op">${g.fo_op_again} "${g.say}"<#break>
<#case "two">${g.forum_reply_open} ${g.forum_reply_body} ${g.forum_reply_body}<#break>
<#default>${g.forum_reply_open} ${g.forum_reply_body}
</#switch>


</#list>
