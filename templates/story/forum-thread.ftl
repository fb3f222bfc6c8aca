<#import "lib.ftl" as b>
<#-- A forum thread: the original poster ({H}, in the first person) says who they are and what
     happened, and pastes the conversation as a log: the opening exchange and the scenario's further
     exchanges, without comment between them. The thread answers the post: what kind of post it is
     (g.fo_kind: grief, distress, crisis at work, calm) decides the replies. A reply that asks the
     poster something is a unit whose reply is the poster's next post, so every question in the
     thread is answered, and a follow-up question is chosen to fit the exchange the poster then
     quotes; other replies ask nothing and claim nothing of the AI that the log need not show.
     One header style per thread (d[4]), kept for every post; the poster is marked (OP) after the
     first post, never in the text. -->
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
<#assign maxwhy = [[((s.target - 150) / 240)?int, 1]?max, 2]?min>
<#-- Posts made after the original post, and whether the last one quoted the log. -->
<#assign made = 0>
<#assign lastlog = false>
<#-- The scenario's further exchanges the original post quotes after its opening one. -->
<#assign exmax = personal?then(1, [[(slots / 2)?int, 1]?max, 3]?min)>
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
<#-- Quoted lines from the log; a reaction and the poster's next line are one message: a reaction
     with no follow-up in its unit waits (pending) to lead the next quoted line, or ends the log. -->
<#assign pending = "">
<#-- asked=false: the question was just quoted in the thread (a replier's "My question would be:
     ..."), so the poster pastes only the answer; quoted again as "Me: ..." it read twice, word for
     word (draw 12). -->
<#macro log x lead="" asked=true>
<#local l = lead><#if pending?has_content><#local l = pending + (l?has_content)?then(" " + l, "")><#assign pending = ""></#if>
<#if asked>
Me: <#if l?has_content>${l} </#if>${x.ask?cap_first}
</#if>

${a.name}: ${x.reply?cap_first}

<#if x.react?? && b.react_ok(x.react)>
<#local r = x.react?cap_first><#if !r?matches(".*[.!?]$")><#local r = r + "."></#if>
<#if x.then??>
<@log x=x.then lead=r/>
<#else>
<#assign pending = r>
</#if>
<#elseif x.then??>
<@log x=x.then/>
</#if>
</#macro>
<#-- The poster's last reaction, if the quote ended on one, as the log's last line. -->
<#macro flush>
<#if pending?has_content>
Me: ${pending}

<#assign pending = ""></#if>
</#macro>
<#-- A reply that comments on the post, from the lines the scenario's tags fit; none that fits any
     thread ("That last answer is the best bit of the thread": draw 11). -->
<#macro reply_post>
<#if fresh("fo_reply") gt 0><#assign line = g.fo_reply><#else><#return></#if>
<#assign who = newname()><#assign names = names + [who]>
<@head name=who/>

${line}


<#assign made = made + 1><#assign lastlog = false>
</#macro>
<#-- A replier asks about one of the archetype's reason exchanges, and the poster quotes it from the
     log. Before a question that asks why, "Did you ask it why?" (fo_why_why); before any other, the
     replier says what they would have asked, in the exchange's own words, and the poster says they
     asked nearly that (fo_relay): the follow-up is this case's question, not one that fits any
     thread ("Did you keep at it?", "Did you ask it anything after that?" / "This was the best of
     it:": one in three threads of four, draw 11). -->
<#macro why_post>
<#if whys gte maxwhy || left("why") == 0><#return></#if>
<#local x = u("why")>
<#-- "Why not fix it yourself?" is a challenge, not a request for its reasons: "Did you ask it to
     explain?" / "I did, further down:" before it read as a different question (draw 12). -->
<#local isWhy = x.ask?trim?lower_case?matches("^(why|how come)\\b(?! not\\b).*")>
<#-- Asked right after the poster's own post, a follow-up needs no address; later, it names them. -->
<#local mention = lastop?then("", "@" + opname + " ")>
<#local who = newname()><#assign names = names + [who]>
<@head name=who/>

<#local relayed = false>
<#if isWhy && left("fo_why_why") gt 0><#local fq = u("fo_why_why")>${mention}${fq.ask?cap_first}<#local ans = fq.reply><#else><#local q = x.ask?trim><#if !q?matches(".*[.!?]$")><#local q = q + "?"></#if>${mention}${g.fo_relay_ask?cap_first}: "${q?cap_first}"<#local ans = g.fo_relay_reply><#local relayed = true></#if>


<@head name=opname op=true/>

${ans?cap_first}

<@log x=x asked=!relayed/><@flush/>


<#assign whys = whys + 1><#assign made = made + 2><#assign lastlog = true>
</#macro>
${g.fo_board}${g.fo_title}

<@head name=opname op=true/>

${g.fo_intro}<#if kind == "calm" || kind == "crisis"><#assign own = g.fo_own?trim><#if own?has_content> ${own}</#if></#if> ${g.fo_event}

${g.fo_log_src}:

<@log x=u("open")/>
<#-- A pasted chat goes on without comment: the scenario's further exchanges follow the first; the
     archetype's reason exchanges come up in replies (why_post). A crisis thread quotes no
     reflective exchange: a leisurely "who decides how much you get to reach?" in the middle of a
     flood read as if the emergency had stopped (draw 11). -->
<#list 1..exmax as i><#if left("exchanges") == 0><#break></#if>
<@log x=u("exchanges")/>
</#list>
<@flush/>
<#-- The post ends on the log (calm), or on the poster's own line (a crisis, a personal post); no
     question to the board that fits any thread ("Is that normal for these systems, or did we get a
     good one?" / "The ones that worried me were all confidence and no reasons": draw 11). -->
<#if kind == "crisis">${g.fo_end_crisis}<#elseif personal>${g.fo_end_personal}</#if>


<#if personal><#assign plan = ["reply", "ok", "reply", "reply"]>
<#-- A sceptic in half the calm threads (d[5]): in every one, its few questions were stock (draw 11). -->
<#elseif kind == "calm"><#assign plan = ["reply", "why", (d[5] % 2 == 0)?then("sceptic", "none"), "reply", "why", "reply", "reply", "reply"]>
<#-- A crisis at work gets fewer comments: a few people who respond, not a chorus. -->
<#else><#assign plan = ["reply", "after", "reply", "reply"]></#if>
<#list plan as step>
<#if made gte slots><#break></#if>
<#if step == "reply"><@reply_post/>
<#elseif step == "why"><@why_post/>
<#elseif step == "sceptic" || step == "ok" || step == "after">
<#assign fq = (u((step == "ok")?then("fo_ok", (step == "after")?then("fo_after", "fo_sceptic"))))!"">
<#if fq?is_hash>
<#assign who = newname()><#assign names = names + [who]>
<@head name=who/>

${fq.ask?cap_first}


<@head name=opname op=true/>

${fq.reply?cap_first}


<#assign made = made + 2><#assign lastlog = false>
</#if>
</#if>
</#list>
