<#import "lib.ftl" as b>
<#-- A forum thread: the original poster ({H}, in the first person) tells what happened with the
     AI and quotes the conversation from the log; other users reply in their own voices; the OP
     comes back with more of the log. One handle for the OP throughout. About 70 words a post. -->
<#assign posts = [[(s.target / 70)?int - 3, 2]?max, 8]?min>
<#assign FO = ["reply", "op", "reply", "reply", "op", "two", "reply", "op"]>
<#assign opname = g.handle>
<#macro log x>
Me: ${x.ask?cap_first}

${a.name}: ${x.reply?cap_first}
</#macro>
${g.forum_board}${g.forum_title}

${opname} wrote:

${g.fo_open} ${g.event_line}

<@b.exchange x=u("open")/>

<#assign x = b.next_unit(0)><#if x?is_hash>${g.fo_mid}

<@log x=x/>

</#if>
${g.forum_op_end}


<#list 1..posts as i>
<#assign kind = FO[(d[1] + i) % FO?size]>
<#if kind == "op"><#assign x = b.next_unit(i)><#if x?is_hash>${opname} (OP) wrote:

${g.fo_op_again}

<@log x=x/>
<#else><#assign kind = "reply"></#if></#if>
<#if kind != "op">${g.forum_byline}

${g.forum_reply_open} ${g.forum_reply_body}<#if kind == "two"> ${g.forum_reply_body}</#if>
</#if>


</#list>
