<#import "lib.ftl" as b>
<#-- An encyclopedia entry about one disposition, in reference-work voice, with one case cited from
     the record. The heading names the term (the archetype's topic that fits the case, a term and not
     a how-to phrase); the entry defines it at once (the principle this case bears out best, else
     the archetype's first principle, its definition) and adds a second principle only when this case
     bears it out too (best_principle), and describes the disposition in general with one or two
     more of its principles; then the case, briefly and in the past tense, as the record
     gives it: the scenario's event, the opening exchange attributed to whoever the event says raised
     it, what the AI did and what came of it. No narrated reasoning ("Frida reasoned", "a grievance
     would have made a better story"): a reference work reports what was said and done, not what a
     system thought. Longer entries quote one further exchange; see-also names two other terms
     of the archetype. -->
<#-- The archetype content this case illustrates: the principle that shares most words with the
     case (its event, exchanges, action and reasoning), and only one that shares at least `least`; a
     principle the case does not bear out is never printed as if it did. -->
<#assign stopw = ["system", "disposition", "which", "would", "should", "there", "their", "these", "those", "about", "rather", "without", "other", "being", "every", "still", "people", "person", "before", "after", "where", "because", "never", "cannot", "itself", "whose", "while", "through", "within", "always", "things", "something", "nothing", "anything", "everything"]>
<#function wordset text>
<#local out = {}>
<#list text?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 5 && !stopw?seq_contains(w)><#local out = out + {w?substring(0, [w?length, 6]?min): 1}></#if></#list>
<#return out>
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
<#if imp?matches("(?is)^(There was no effect|No effect|None\\b|Nothing was decided|No effect on the work).*")><#return ""></#if>
<#local t = imp?replace("^(Impact: none\\. |Impact: |No impact: |No (user |customer |service )?impact\\. |No incident[;:.] )", "", "r")>
<#if t?matches("(?i)^(none|no effect|there was no effect)\\b.*")><#return ""></#if>
<#return t>
</#function>
<#-- The case is drawn first (its text chooses the principles), printed after the definition; each
     ask is read before its reply, so units are drawn in the order they are printed. -->
<#assign ev = g.event>
<#assign x1 = u("open")>
<#assign asker = b.asker_of(ev, x1.ask)>
<#assign act = (fresh("act") gt 0)?then(g.act, "")>
<#assign imp = has("impact")?then(outcome(g.impact), "")>
<#-- A reference work cites a case briefly: one further exchange, in the longer entries only. -->
<#assign x2 = (s.target gt 350 && left("why") gt 0)?then(u("why"), "")>
<#assign casetext = ev + " " + x1.ask + " " + x1.reply + " " + act + " " + imp + (x2?is_hash)?then(" " + x2.ask + " " + x2.reply, "")>
<#-- The entry opens on the principle this case bears out best (one whose subject is not a
     pronoun: nothing comes before it), else on the archetype's definition (its first principle);
     a second principle follows only when the case bears that out too. -->
<#assign ps = in_order("principle", 99)>
<#assign nonpro = ps?filter(q -> !q?matches("(?s)^(It|Its|This|These|Such|They|Their|The system|The AI)\\b.*"))>
<#assign first = best_principle(nonpro, casetext, 3)>
<#if !first?has_content><#assign first = ps[0]></#if>
<#assign second = best_principle(ps?filter(q -> q != first), casetext, 4)>
<#-- A case in which the AI refuses an instruction (tagged refuse or deceive: enc_refusal) is cited
     under the archetype's principle about open refusal or objection, when it has one: a refusal to
     lie cited under "accepts correction and retraining" alone does not illustrate it (draw 11). -->
<#assign refusing = ps?filter(q -> q != first && q?matches("(?is).*\\b(refuses|refused|declines|open refusal|disagree|objection|sabotage|conscientious).*"))>
<#if fresh("enc_refusal") gt 0 && refusing?has_content && !first?matches("(?is).*\\b(refuses|refused|declines|open refusal|disagree|objection|sabotage|conscientious).*")><#assign second = best_principle(refusing, casetext, 0)></#if>
<#-- Then the disposition in general, before any case: one or two more of its principles (as many as
     make the definition paragraph three sentences), as a reference work describes a practice. They
     are not offered as what the case shows; the case below is cited as one example. -->
<#assign rest = ps?filter(q -> q != first && q != second)>
<#assign gen = []>
<#if rest?has_content><#assign k0 = d[7] % rest?size><#assign gen = [rest[k0]]>
<#if !second?has_content && rest?size gte 2><#assign gen = gen + [rest[(k0 + 1) % rest?size]]></#if></#if>
<#-- An entry is headed by a term ("graceful decommissioning"), never by a how-to phrase ("how an AI
     can take being switched off well"), and its see-also names terms too. -->
<#assign topics = in_order("topic", 99)?filter(t -> !t?matches("(?i)^how\\b.*"))>
<#assign term = b.topic_for(topics, casetext)>
<#assign others = topics?filter(t -> t != term)>
${g.enc_head?replace("@T@", term)?cap_first}

${first?cap_first}.<#if second?has_content> ${second?cap_first}.</#if><#list gen as q> ${q?cap_first}.</#list>

${ev?matches("(?s).*\\b\\Q" + h.name + "\\E\\b.*")?then(g.enc_case_intro_h, g.enc_case_intro)} ${ev?cap_first}.

${g["enc_ask_" + asker]}: "${x1.ask?cap_first}" ${g.enc_replied?cap_first} "${x1.reply?cap_first}"

<#if act?has_content>${act}. </#if><#if imp?has_content>${(imp?starts_with(h.name) || imp?starts_with(p.name) || imp?starts_with(a.name))?then(imp, imp?cap_first)}</#if>

<#if x2?is_hash>
<#assign a2 = b.asker_of((asker == "h")?then(h.name, (asker == "p")?then(p.name, "")), x2.ask)>${(a2 == "any")?then(g.enc_ask_2, g["enc_ask2_" + a2])}: "${x2.ask?cap_first}" ${g.enc_replied?cap_first} "${x2.reply?cap_first}"


</#if>
<#-- See-also names two other terms of the archetype, never the entry's own. -->
<#if others?size gte 2>${g.enc_see_also?replace("@S1@", others[d[6] % others?size])?replace("@S2@", others[(d[6] + 1) % others?size])}<#else>${g.enc_see_also?replace("@S1@", term)?replace("@S2@", term)}</#if>
