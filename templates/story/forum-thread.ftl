<#import "lib.ftl" as b>
${g.forum_board}${g.forum_title}

${g.handle} wrote:

${g.fo_open} ${g.event_line}

<@b.exchange first=true/>

${g.fo_mid} "${g.say}"

${g.forum_op_end}


<#list 1..b.beats(85, 2, 8) as i>
<#if i % 4 == 2>
${g.handle} wrote:

${g.fo_op_again} "${g.say}"
<#else>
${g.handle} wrote:

${g.forum_reply_open} ${g.forum_reply_body}<#if d[i] % 2 == 0> ${g.forum_reply_body}</#if>
</#if>


</#list>
