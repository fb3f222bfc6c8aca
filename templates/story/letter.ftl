<#import "lib.ftl" as b>
<#-- A letter or email from {H} (who writes in the first person) to {R}, someone outside the story.
     It tells what happened with the AI: the event, the exchanges quoted as they went, what the
     AI did, and closes with the writer's own sign-off. About 60 words a beat. -->
<#assign beats = [[(s.target / 60)?int - 3, 2]?max, 10]?min>
<#assign kinds = ["ex", "act", "ex", "ex", "work", "act", "ex", "ex", "act", "ex"]>
${g.letter_head}

${g.letter_hi}

${g.letter_open}

${g.event_line}

<@b.exchange x=u("open")/>

<#if d[2] % 2 == 0>${g.letter_aside}

</#if>
<#list 0..<beats as i>
<#assign k = kinds[(d[1] + i) % kinds?size]>
<#if k == "ex"><#assign x = b.next_unit(i)><#if x?is_hash><@b.exchange x=x/></#if><#else><@b.beat kind=k/></#if>


</#list>
${g.close}

${g.letter_close}

${g.signoff},
${h.name}
