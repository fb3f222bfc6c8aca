<#import "lib.ftl" as b>
<#-- A third-person story with a shape, in this order: the person, the place and the AI; the event;
     the conversation it causes (the opening exchange, then what the scenario raises, then the
     questions that invite the AI's reasons); what the AI does about it; the consequence (close).
     No routine line (a division of labour on the task, "X gathered the details, Y rang round for
     the rest", fitted no case: draw 10) and no narrated reasoning (think): the reasons are in the
     dialogue, and told again by the narrator they read as the moral. The event names no time the
     opening has already named ("On Tuesday evening ... That evening, ..."). What the AI does (act)
     comes only after the talk: an act is often its consequence ("when the log came up, it quoted
     the lines"), and told mid-conversation it contradicts what is still being asked. A scenario's
     own work on the matter (work) may break a long conversation once. No setting filler between lines: the place is set once, at the start.
     About 85 words an exchange. -->
<#assign n = [[((s.target - 300) / 85)?round, 2]?max, 6]?min>
<#assign opening = g.ss_open>
${opening}

<#if opening?contains(w.weekday) || opening?contains(w.daypart)>${g.event?cap_first}.<#else>${g.event_line}</#if>

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
