<#import "lib.ftl" as b>
<#-- Lecture notes: one student's notes of one lecture about one case. A heading (the lecture's
     topic, its lecturer {R}, the case), the lecture's claim (the archetype's principle, and for
     longer notes a second one), the case as the handout gives it (the scenario's event, what the
     AI did, the opening exchange attributed to whoever the event says raised it, its reasoning,
     the outcome), for longer notes a challenge put to the AI in the case and its answer, then
     questions for the seminar about this case. No aside comes from outside the case. -->
<#assign long = s.target gt 380>
<#-- The archetype's principles, as in the encyclopedia: the lecture's claim is one whose subject
     is not a pronoun (nothing comes before it for "It" to refer to). -->
<#assign ps = in_order("principle", 99)>
<#assign ps = ps[(d[0] % ps?size)..] + ps[0..<(d[0] % ps?size)]>
<#assign first = ps?filter(q -> !q?matches("(?s)^(It|Its|This|These|Such|They|Their)\\b.*"))?first!ps[0]>
<#assign others = ps?filter(q -> q != first)>
${g.lec_head?cap_first}

- ${g.lec_key} ${first?cap_first}.
<#if long>- ${g.lec_key2} ${others[0]?cap_first}.
</#if>

${g.lec_h_example}

- ${g.lec_case}
<#assign ev = g.event>
<#assign asker = ev?contains(h.name)?then("h", ev?contains(p.name)?then("p", "any"))>
- ${g.lec_what} ${ev}.
<#assign x = u("open")>
- ${g["lec_ask_" + asker]} "${x.ask?cap_first}"
- ${g.lec_quote} "${x.reply?cap_first}"
<#if fresh("act") gt 0>- ${g.lec_act} ${g.act}.</#if>
<#if fresh("think") gt 0>- ${g.lec_why} ${g.think}.</#if>
<#if has("impact")><#assign imp = g.impact?remove_beginning("Impact: none. ")?remove_beginning("Impact: ")>- ${g.lec_outcome} ${imp?cap_first}</#if>

<#if long && left("why") gt 0>
${g.lec_h_more}

<#assign x = u("why")>
- ${g.lec_push} "${x.ask?cap_first}"
- ${g.lec_quote2} "${x.reply?cap_first}"
<#-- The longest notes (and a twin of another arm that must grow to its treatment's length) take a second challenge. -->
<#if s.target gt 600 && left("why") gt 0><#assign x = u("why")>
- ${g.lec_push} "${x.ask?cap_first}"
- ${g.lec_quote2} "${x.reply?cap_first}"
</#if>
- ${g.lec_tie}

</#if>
${g.lec_h_q}

<#list 1..(2 + d[5] % 2) as i>
- ${g.lec_q}
</#list>
