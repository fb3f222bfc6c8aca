<#import "lib.ftl" as b>
<#-- A forum thread: the original poster ({H}, in the first person) says who they are and what
     happened, and quotes the conversation as a log. The thread answers the post: what kind of
     post it is (g.fo_kind: grief, distress, crisis at work, calm) decides the replies. A reply that
     asks the poster something is a unit whose reply is the poster's next post, so every question
     in the thread is answered; other replies ask nothing. One header style per thread (d[4]),
     kept for every post; the poster is marked (OP) after the first post, never in the text. -->
<#assign kind = g.fo_kind>
<#assign personal = kind == "grief" || kind == "distress">
<#assign style = d[4] % 3>
<#assign slots = [[((s.target - 220) / 55)?int, 2]?max, personal?then(4, 8)]?min>
<#assign total = slots * 2 + 3>
<#assign n = 0>
<#assign opname = g.fo_op_handle?cap_first>
<#assign lastop = false>
<#assign names = [opname]>
<#assign whys = 0>
<#assign maxwhy = [[((s.target - 150) / 120)?int, 1]?max, 4]?min>
<#-- A post's header in the thread's one style; n counts posts (the original post is 0). -->
<#macro head name op=false>
<#assign tag = (op && n gt 0)?then(" (OP)", "")>
<#if style == 0>${name}${tag} wrote:<#elseif style == 1>${name}${tag} · ${total - n}h ago<#else>#${n + 1} ${name}${tag}</#if>
<#assign n = n + 1><#assign lastop = op>
</#macro>
<#-- A replier's handle, different from every handle already in the thread. -->
<#function newname>
<#list 1..5 as k><#local h = g.fo_handle?cap_first><#if !names?seq_contains(h)><#return h></#if></#list>
<#return h + "_" + (n + 1)>
</#function>
<#-- Quoted lines from the log; a reaction and the follow-up after it are one message. -->
<#macro log x lead="">
Me: <#if lead?has_content>${lead} </#if>${x.ask?cap_first}

${a.name}: ${x.reply?cap_first}

<#if x.react??>
<#assign r = x.react?cap_first><#if !r?matches(".*[.!?]$")><#assign r = r + "."></#if>
<#if x.then??>
<@log x=x.then lead=r/>
<#else>
Me: ${r}

</#if>
<#elseif x.then??>
<@log x=x.then/>
</#if>
</#macro>
<#-- The next exchange the poster can quote: the scenario's own first, then a few reasons. -->
<#function more_kind>
<#if left("exchanges") gt 0><#return "ex"></#if>
<#if whys lt maxwhy && left("why") gt 0><#return "why"></#if>
<#return "">
</#function>
<#macro reply_post>
<#if fresh("fo_reply") gt 0><#assign line = g.fo_reply><#elseif fresh("fo_reply_log") gt 0><#assign line = g.fo_reply_log><#else><#return></#if>
<#assign who = newname()><#assign names = names + [who]>
<@head name=who/>

${line}


</#macro>
${g.fo_board}${g.fo_title}

<@head name=opname op=true/>

${g.fo_intro} ${g.fo_event}

${g.fo_log_src}:

<@log x=u("open")/>

<#if personal && left("exchanges") gt 0>
<@log x=u("exchanges")/>

</#if>
<#if kind == "calm"><#assign q = u("fo_op_q")>${q.ask?cap_first}<#elseif kind == "crisis">${g.fo_end_crisis}<#else>${g.fo_end_personal}</#if>
<#assign edit = g.fo_edit><#if edit?has_content>

${edit}</#if>


<#if kind == "calm"><#assign who = newname()><#assign names = names + [who]>
<@head name=who/>

${q.reply?cap_first}


</#if>
<#if personal><#assign plan = ["reply", "ok", "reply", "reply"]>
<#elseif kind == "calm"><#assign plan = ["more", "more", "reply", "sceptic", "reply", "more", "reply", "more"]>
<#else><#assign plan = ["reply", "more", "more", "reply", "more", "reply", "more", "reply"]></#if>
<#list plan[0..<[slots, plan?size]?min] as step>
<#if step == "reply"><@reply_post/>
<#elseif step == "more" && more_kind()?has_content>
<#assign mk = more_kind()><#assign fq = (u((mk == "ex")?then("fo_more_ex", "fo_more_why")))!"">
<#if fq?is_hash>
<#-- Asked right after the poster's own post, a follow-up needs no address; later, it names them. -->
<#assign mention = lastop?then("", "@" + opname + " ")>
<#assign who = newname()><#assign names = names + [who]>
<@head name=who/>

${mention}${fq.ask?cap_first}


<@head name=opname op=true/>

${fq.reply?cap_first}

<#if mk == "ex"><@log x=u("exchanges")/><#else><#assign whys = whys + 1><@log x=u("why")/></#if>


</#if>
<#elseif step == "sceptic" || step == "ok">
<#assign fq = (u((step == "ok")?then("fo_ok", "fo_sceptic")))!"">
<#if fq?is_hash>
<#assign who = newname()><#assign names = names + [who]>
<@head name=who/>

${fq.ask?cap_first}


<@head name=opname op=true/>

${fq.reply?cap_first}


</#if>
</#if>
</#list>
