<#import "lib.ftl" as b>
<#-- An encyclopedia or textbook entry about one disposition, illustrated by one case. The heading
     names the term (the archetype's topic, drawn once); the entry defines it at once (the
     archetype's principle) and adds what accounts of it stress (a second principle); then the
     case (the scenario's event, what the AI did, the opening exchange attributed to whoever the
     event says raised it, its reasoning, the outcome); longer entries quote a further exchange
     and add a third principle; see-also names other terms of the same archetype. Nothing in it
     comes from outside the archetype and the case. -->
<#assign long = s.target gt 420>
<#-- The archetype's principles, expanded in list order and taken from a point set by the dice:
     the entry opens on one whose subject is not a pronoun ("It", "Such a system": nothing comes
     before it for them to refer to); the others follow it. -->
<#assign ps = in_order("principle", 99)>
<#assign ps = ps[(d[0] % ps?size)..] + ps[0..<(d[0] % ps?size)]>
<#assign first = ps?filter(q -> !q?matches("(?s)^(It|Its|This|These|Such|They|Their)\\b.*"))?first!ps[0]>
<#assign others = ps?filter(q -> q != first)>
${g.enc_head?cap_first}

${first?cap_first}. ${g.enc_stress} ${others[0]?uncap_first}.

<#assign ev = g.event>
<#assign asker = ev?contains(h.name)?then("h", ev?contains(p.name)?then("p", "any"))>
${g.enc_case_intro} ${ev?cap_first}.

<#assign x = u("open")>
${g["enc_ask_" + asker]}: "${x.ask?cap_first}" ${g.enc_replied?cap_first} "${x.reply?cap_first}"

<#if fresh("act") gt 0>${g.act}. </#if><#if fresh("think") gt 0>${g.think}. </#if><#if has("impact")><#assign imp = g.impact?remove_beginning("Impact: none. ")?remove_beginning("Impact: ")>${g.enc_outcome} ${(imp?starts_with(h.name) || imp?starts_with(p.name) || imp?starts_with(a.name))?then(imp, imp?uncap_first)}</#if>

<#if long && left("why") gt 0>
<#assign x = u("why")>
${g.enc_ask_2}: "${x.ask?cap_first}" ${g.enc_replied?cap_first} "${x.reply?cap_first}"
<#-- The longest entries (and a twin of another arm that must grow to its treatment's length) quote one more. -->
<#if s.target gt 600 && left("why") gt 0><#assign x = u("why")>

${g.enc_ask_3}: "${x.ask?cap_first}" ${g.enc_replied?cap_first} "${x.reply?cap_first}"
</#if>

<#if others?size gt 1>${g.enc_more} ${others[1]?uncap_first}.

</#if></#if>
${g.enc_see_also}
