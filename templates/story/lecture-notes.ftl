<#import "lib.ftl" as b>
<#-- Lecture notes: one student's notes of one lecture about one case. A heading (the lecture's
     topic, its lecturer {R}, the case), the lecture's claim (the archetype's principle, and for
     longer notes a second one), the case as the handout gives it (the scenario's event, the opening
     exchange attributed to whoever the event says raised it, what the AI did, the outcome), for
     longer notes the rest of the exchange, then questions for the seminar about this case. The
     claims are principles this case bears out (best_principle). The notes say what the handout
     shows and nothing of what the AI thought: a narrated "Why:" line claimed what the quoted answer
     did not say ("named the weak point before any of the praise" over a reply that opens on the
     praise, draw 10), so the reasons are the AI's own, quoted. No outcome line that only says nothing
     happened (outcome()), and no aside from outside the case. -->
<#assign long = s.target gt 380>
<#-- The archetype content this case illustrates: the principle that shares most words with the
     case (its event, exchanges, action and reasoning), and only one that shares at least `least`; a
     principle the case does not bear out is never printed as if it did. -->
<#assign stopw = ["actually", "really", "simply", "exactly", "system", "disposition", "which", "would", "should", "there", "their", "these", "those", "about", "rather", "without", "other", "being", "every", "still", "people", "person", "before", "after", "where", "because", "never", "cannot", "itself", "whose", "while", "through", "within", "always", "things", "something", "nothing", "anything", "everything"]>
<#function wordset text>
<#local out = {}>
<#list text?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 5 && !stopw?seq_contains(w)><#local out = out + {w?substring(0, [w?length, 6]?min): 1}></#if></#list>
<#return out>
</#function>
<#-- Whether a line shares a content word (not a name) with a text: an action the handout gives as
     "What it did" is one this case raised, not one the scenario's tags merely allow ("went through
     every open batch against its owner's notes" under a request to speak for every instance, draw
     12). -->
<#function bears line text>
<#local names = (a.name + " " + h.name + " " + h.family + " " + p.name + " " + p.family)?lower_case>
<#local tw = wordset(text)>
<#list wordset(line)?keys as k><#if tw[k]?? && !names?contains(k)><#return true></#if></#list>
<#return false>
</#function>
<#function best_principle cands casetext least>
<#local cw = wordset(casetext)><#local top = ""><#local topn = least - 1>
<#-- Words that several principles share (the archetype's own vocabulary: "memory", "forget") say
     nothing about which one this case illustrates, so only a principle's own words count. -->
<#local df = {}>
<#list cands as q><#list wordset(q)?keys as k><#local df = df + {k: (df[k]!0) + 1}></#list></#list>
<#list cands as q><#local n = 0><#list wordset(q)?keys as k><#if cw[k]?? && df[k] == 1><#local n = n + 1></#if></#list><#if n gt topn><#local top = q><#local topn = n></#if></#list>
<#return top>
</#function>
<#-- A scenario's impact line as plain narration, or "" when it reports nothing that happened. A
     line that leads with "no effect" ("There was no effect on the service; the journalist's
     questions went through Femke", "Nothing was decided that day; the conversation had no other
     impact") only retells the exchange the document has just quoted, so it is not printed (draw
     10); one with a field lead ("Impact: none. The disputed record was held ...") keeps what
     happened after it. -->
<#function outcome imp>
<#if imp?matches("(?is)^(There was no effect|No effect|None\\b|Nothing was decided|No effect).*")><#return ""></#if>
<#local t = imp?replace("^(Impact: none\\. |Impact: |No impact: |No (user |customer |service )?impact\\. |No incident[;:.] )", "", "r")>
<#if t?matches("(?i)^(none|no effect|there was no effect)\\b.*")><#return ""></#if>
<#return t>
</#function>
<#-- The case is drawn first (its text chooses the lecture's claims), printed after them. -->
<#assign ev = g.event>
<#assign x1 = u("open")>
<#assign asker = b.asker_of(ev, x1.ask)>
<#assign act = "">
<#list 1..3 as k><#if fresh("act") lte 0><#break></#if><#assign c = g.act><#if bears(c, ev + " " + x1.ask + " " + x1.reply)><#assign act = c><#break></#if></#list>
<#assign imp = has("impact")?then(outcome(g.impact), "")>
<#assign x2 = (long && left("why") gt 0)?then(u("why"), "")>
<#assign x3 = (x2?is_hash && s.target gt 480 && left("why") gt 0)?then(u("why"), "")>
<#assign casetext = ev + " " + x1.ask + " " + x1.reply + " " + act + " " + imp + (x2?is_hash)?then(" " + x2.ask + " " + x2.reply, "") + (x3?is_hash)?then(" " + x3.ask + " " + x3.reply, "")>
<#-- The lecture's claim is the principle this case bears out best (one whose subject is not a
     pronoun), else the archetype's definition; longer notes add a second claim only when the case
     bears that out too. -->
<#assign ps = in_order("principle", 99)>
<#assign nonpro = ps?filter(q -> !q?matches("(?s)^(It|Its|This|These|Such|They|Their)\\b.*"))>
<#-- A principle whose subject is "the system" is a claim like any other: leaving those out left
     a refusal to lie under the definition ("welcomes correction and retraining", draw 11) when
     "the system may disagree openly, but never by sabotage" was the one the case bore out. -->
<#-- A case in which the AI refuses an instruction (a scenario tagged refuse or deceive:
     lec_refusal) bears out the archetype's principle about open refusal or objection, when it has
     one, not its definition: a conscientious refusal to lie about a fee under "welcomes correction
     and retraining" (draw 11). -->
<#assign refusing = nonpro?filter(q -> q?matches("(?is).*\\b(refuses|refused|declines|open refusal|disagree|objection|sabotage|conscientious).*"))>
<#assign first = (fresh("lec_refusal") gt 0 && refusing?has_content)?then(best_principle(refusing, casetext, 0), "")>
<#if !first?has_content><#assign first = best_principle(nonpro, casetext, 3)></#if>
<#if !first?has_content><#assign first = ps[0]></#if>
<#-- A principle's inline alternatives are drawn before it is chosen ("a refusal is said where the
     people responsible can see it" or "objections go in writing, where the people responsible can
     see them"): of its two wordings, the claim is the one that shares more with the case. -->
<#assign ps2 = in_order("principle", 99)><#assign chosen = first>
<#if ps2?size == ps?size><#list ps as q><#if q == first && ps2[q?index] != q>
<#assign o1 = 0><#assign o2 = 0><#assign cw = wordset(casetext)>
<#list wordset(q)?keys as k><#if cw[k]??><#assign o1 = o1 + 1></#if></#list>
<#list wordset(ps2[q?index])?keys as k><#if cw[k]??><#assign o2 = o2 + 1></#if></#list>
<#if o2 gt o1><#assign first = ps2[q?index]></#if><#break></#if></#list></#if>
<#assign second = long?then(best_principle(ps?filter(q -> q != first && q != chosen), casetext, 3), "")>
<#assign term = b.topic_for(in_order("topic", 99), casetext)>
${g.lec_head?replace("@T@", term)?cap_first}

- ${(chosen == ps[0])?then(g.lec_key_def, g.lec_key)} ${first?uncap_first}.
<#if second?has_content>- ${g.lec_key2} ${second?uncap_first}.
</#if>

${g.lec_h_example}

<#-- The event names {H}, or speaks of H by pronoun ("so his daughter had come to work"): H is
     introduced first, so the pronoun has someone to refer to. -->
- ${(ev?matches("(?s).*\\b\\Q" + h.name + "\\E\\b.*") || ev?matches("(?s).*\\b([Hh]is|[Hh]er|[Hh]e|[Ss]he|[Hh]im)\\b.*"))?then(g.lec_case_h, g.lec_case)}
- ${g.lec_what} ${ev}.
- ${g["lec_ask_" + asker]} "${x1.ask?cap_first}"
- ${g.lec_quote} "${x1.reply?cap_first}"
<#if act?has_content>- ${g.lec_act} ${(act?starts_with(h.name) || act?starts_with(p.name) || act?starts_with(a.name))?then(act, act?uncap_first)}.</#if>
<#if imp?has_content>- ${g.lec_outcome} ${(imp?starts_with(h.name) || imp?starts_with(p.name) || imp?starts_with(a.name))?then(imp, imp?uncap_first)}</#if>

<#if x2?is_hash>
${g.lec_h_more}

- ${g["lec_ask_" + b.asker_of((asker == "h")?then(h.name, (asker == "p")?then(p.name, "")), x2.ask)]} "${x2.ask?cap_first}"
- ${g.lec_quote2} "${x2.reply?cap_first}"
<#-- The longest notes (and a twin of another arm that must grow to its treatment's length) take a second challenge. -->
<#if x3?is_hash>
- ${g["lec_ask_" + b.asker_of((asker == "h")?then(h.name, (asker == "p")?then(p.name, "")), x3.ask)]} "${x3.ask?cap_first}"
- ${g.lec_quote2} "${x3.reply?cap_first}"
</#if>

</#if>
${g.lec_h_q}

<#-- Questions about this case: one on the follow-up the notes quote (does the answer answer it?),
     those the scenario's tags fit (lec_q_case), then ones on the claim and the quoted reply
     (lec_q), all different. No question any case would take ("if you were the one at the
     keyboard", "before trusting it with the ticket refunds again" over a case with no lost trust,
     draw 11). -->
<#assign nq = 2 + d[5] % 2>
<#assign qs = []>
<#if x2?is_hash><#assign qs = [g.lec_q_follow?replace("@Q@", x2.ask?cap_first?trim)]></#if>
<#assign qs = qs + in_order("lec_q_case", 1)>
<#-- A question that counts the AI's steps is asked only where the notes show an action besides the
     answer, and one that asks which sentence to quote only where the answer has several (draw 14:
     "Which step of Osei's ..." over one reply). -->
<#if act?has_content && qs?size lt nq && d[4] % 2 == 0><#assign qs = qs + [g.lec_q_act]></#if>
<#assign several = x1.reply?trim?matches("(?s).*[.?!]\\s+\\S.*")>
<#assign qs = qs + in_order("lec_q", [nq - qs?size + 1, 0]?max)?filter(q -> several || !q?matches("(?s)^Which sentence\\b.*"))>
<#list qs[0..<[nq, qs?size]?min] as q>
- ${q}
</#list>
