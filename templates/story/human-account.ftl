<#import "lib.ftl" as b>
<#-- A first-person account by the person who worked with the AI ({H} is "I"), in the order of a
     short story: who they are, the place and the AI; what happened (no time the opening has
     already named); no routine line (a division of labour that fitted no case: draw 10); the conversation it caused; what the AI did about it (no
     narrated thoughts: the narrator only knows what the AI said and did); how it turned out
     (close); and what the narrator makes of it now. What the AI did (act) comes only after the
     talk, never in the middle of it, where it would contradict what is still being asked. About 85 words an exchange. -->
<#assign n = [[((s.target - 240) / 85)?round, 2]?max, 6]?min>
<#assign opening = g.ha_open>
${opening}

<#-- The event as the narrator lived it (b.own_event), as in a diary or a letter: the line stops
     where the narrator's own part begins, so an offer is not told and then staged again (draw 12). -->
<#assign ev = b.own_event((opening?contains(w.weekday) || opening?contains(w.daypart))?then(g.event?cap_first + ".", g.event_line))><#if ev?has_content>${ev}</#if>

<@b.exchange x=u("open") open=true merge=true/>


<#list 0..<n as i>
<#if i == [n - 1, 1]?min><@b.beat kind="work"/></#if>
<#assign x = b.talk()><#if x?is_hash><@b.exchange x=x merge=true/>


</#if>
</#list>
<@b.flush/>
<#-- The act is drawn before the close (the task is said in full where it first appears); when
     it and the close would tell one thing twice, another act is drawn, if one is left. -->
<#assign deed><@b.beat kind="act"/></#assign>
<#assign closing = g.close>
<#if deed?has_content && b.retells(deed, closing)><#assign other><@b.beat kind="act"/></#assign><#if other?has_content && !b.retells(other, closing)><#assign deed = other></#if></#if>
${deed}${closing}
<#-- Most accounts end on the outcome; two in five add one line of what the narrator makes of it
     now (ha_close), so that no such line becomes the format's formula. -->
<#if d[9] % 5 lt 2>

${g.ha_close}</#if>
