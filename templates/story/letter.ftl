<#import "lib.ftl" as b>
<#-- A letter or email from {H} (who writes in the first person) to {R}, someone outside the story,
     written to them: it opens with something of theirs (letter_you: their news, {the_rnews}, drawn
     once and raised once), then says where the writer works and with what AI (letter_open), tells
     what happened (the event as the writer lived it, b.own_event; the exchanges quoted as they
     went, what the AI did, how it turned out), and closes with a short line to the recipient
     (letter_close) before the writer's sign-off. The close picks the recipient's news up in its own
     words (news.back), never naming it again: readers of draw 10 found the same item named twice a
     pasted-on bookend, and of draw 14 news never returned to a frame around a case.
     About 85 words an exchange. -->
<#assign n = [[((s.target - 200) / 80)?round, 1]?max, 4]?min>
<#-- One register from greeting to sign-off (letter_frame), and the recipient's news bound first
     (letter_news binds the_rnews), so the close can pick it up in its own words (news.back). -->
<#assign frame = u("letter_frame")>
<#assign news = u("letter_news")><#assign bound = news.the_rnews>
${g.letter_head}

${frame.hi}

${g.letter_you}

${g.letter_open}

<#assign ev = b.own_event(g.event_line)><#if ev?has_content>${ev}

</#if>
<@b.exchange x=u("open") open=true merge=true alead=g.letter_quote/>


<#-- No aside to the reader here ("I know what you're going to say", "our old boss would have
     liked this", "the order was a mess for weeks by then"): readers found every one filler or a
     contradiction of the scenario (draws 7 and 8). -->
<#list 0..<n as i>
<#assign x = b.talk()><#if x?is_hash><@b.exchange x=x merge=true/>


</#if>
</#list>
<#-- One narrated line of what the AI did, not two: a second (the scenario's work after its act)
     read as a list of deeds, often out of order ("checked the other instance's work" after the
     report was filed, draw 10). -->
<@b.line text=b.deed_line()/>
<@b.flush/>
${g.close}

${news.back} ${g.letter_close}

${frame.bye},
${h.name}
