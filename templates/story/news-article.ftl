<#import "lib.ftl" as b>
<#-- A local news article by {R}, a reporter from outside the story. The lede is the news: the
     decision taken since (one of the archetype's ir_followup actions that bears on the case, read as
     "will ..."), then the exchange that led to it and whoever the event names as raising it, in full
     with their job; its dateline is the town of the setting. News style for names: a person first
     met in the event ({P}) gets the full name there; after that, narration uses family names
     (quoted speech keeps the names the speakers use). Then, in the order it happened: what led to
     it (the scenario's event), the opening exchange quoted with its question, what the AI did (the
     scenario's work, else its act), a second exchange, and it ends on the
     outcome (the scenario's impact line without its stock "no effect" lead). No quote is pasted in
     "for balance": every quote is from the exchange the article reports. -->
<#function city place>
<#list [" in ", " outside ", " near ", " on the "] as k><#if place?contains(k)>
<#local c = place?keep_after_last(k)?remove_beginning("the ")?remove_beginning("suburban ")>
<#return (c?contains("'s ")?then(c?keep_before("'s "), c))?upper_case></#if></#list>
<#return "">
</#function>
<#function nb name><#return "\\b\\Q" + name + "\\E\\b"></#function>
<#-- Narration in news style: the first mention of {P} in full (the event introduces P), then family names. -->
<#function news text>
<#-- Full names are set aside first, so "Ama Mensah" does not become "Mensah Mensah". -->
<#local t = text?replace(h.full, "@H@")?replace(p.full, "@P@")>
<#if !pFull && t?matches("(?s).*" + nb(p.name) + ".*")>
<#local i = t?index_of(p.name)>
<#local t = t?substring(0, i) + "@P@" + t?substring(i + p.name?length)>
<#assign pFull = true>
</#if>
<#local t = t?replace(nb(h.name), h.family, "r")?replace(nb(p.name), p.family, "r")>
<#return t?replace("@H@", h.full)?replace("@P@", p.full)>
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
<#assign pFull = false>

<#-- Content words of a text (five letters or more, cut to six, no names and no function words), to
     tell whether a decision bears on what the article told. -->
<#assign stopw = ["system", "which", "would", "should", "there", "their", "these", "those", "about", "rather", "without",
  "other", "being", "every", "still", "people", "person", "before", "after", "where", "because", "never", "cannot",
  "itself", "whose", "while", "through", "within", "always", "things", "something", "nothing", "anything", "everything",
  "again", "could", "first", "later", "today", "asked", "wrote", "replied", "answered", "session", "sessions",
  "between", "check", "checks", "checked", "review"]>
<#function wordset text>
<#local out = {}>
<#local names = (a.name + " " + h.name + " " + h.family + " " + p.name + " " + p.family)?lower_case>
<#list text?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 5 && !stopw?seq_contains(w) && !names?contains(w)><#local out = out + {w?substring(0, [w?length, 6]?min): 1}></#if></#list>
<#return out>
</#function>
<#-- The decision taken after the episode: the first of the archetype's follow-ups that reads as a
     decision on its own and bears on what the article told (it shares a content word with the
     event, the quotes, the work or the outcome), read as "will ...". The article ends on it, so what
     it reports is the last thing it says; a follow-up that presupposes the exchange, the report or
     its transcript would name them out of place, and one about something the article never
     mentioned ("publish what the service stores" after a story about a repeated anecdote) reads as
     news the body never explains. -->
<#function pick_peg told>
<#local tw = wordset(told)>
<#list in_order("ir_followup", 99) as f>
<#if !f?starts_with("No ") && !f?matches("(?s).*(this re(view|port)|the exchange|the transcript|the session record|the question and the answer).*")>
<#local line = f?keep_before(" (")?keep_before(";")?remove_ending(".")>
<#list wordset(line)?keys as k><#if tw[k]??><#return line></#if></#list>
</#if>
</#list>
<#return "">
</#function>
<#assign dl = city(s.setting)>
<#-- The story is drawn before the lede is written: the lede reports the decision taken since (the
     news: a change to how the place works), so it is chosen from what the article goes on to tell.
     Units are still drawn in the order they are printed. -->
<#assign what = g.news_what>
<#assign x = u("open")>
<#assign asker = b.asker_of(what, x.ask)>
<#assign wl = (fresh("work") gt 0)?then(g.work, (fresh("act") gt 0)?then(g.act, ""))>
<#assign imp = has("impact")?then(outcome(g.impact), "")>
<#assign peg = pick_peg(what + " " + x.ask + " " + x.reply + " " + wl + " " + imp)>
${news(g.headline)?replace("'s's ", "'s ")}

${g.news_byline}

<#-- The lede is the news: the decision taken since (one of the archetype's follow-ups, bound to the
     case by pick_peg), then the exchange that led to it, with whoever the event says raised it in
     full with their job, so the person quoted below is the person the lede introduced. Past tense
     throughout: no "has shared a conversation on Tuesday". -->
<#if peg?has_content>
<#assign lede = g["news_lede_peg" + (asker == "p")?then("_p", "")]?replace("@PEG@", peg?uncap_first)>
<#else>
<#assign lede = (asker == "p")?then(g.news_lede_p, g.news_lede)>
</#if>
<#if lede?contains(p.full)><#assign pFull = true></#if>
<#assign lede = news(lede)>
${(dl?has_content)?then(dl + " — ", "")}${lede?cap_first}

<#-- Then the story in the order it happened: what led to the exchange, the exchange quoted with its
     question, and only then what the AI did (a handover note written after the shutdown was put to
     it is not reported before the question that put it). -->
${news(what)}

<#-- A quote that names {P} before the article has introduced P: introduce P first. -->
<#if !pFull && (x.ask + x.reply)?matches("(?s).*" + nb(p.name) + ".*")><#assign pFull = true>${g.news_p_intro}

</#if>
${g["news_asked_" + asker]}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"

<#-- A news report says what the system did, not what it thought: the scenario's own work (else
     what it did), and no narrated reasoning behind a stock lead-in. -->
<#if wl?has_content>${news(wl)}.

</#if>
<#-- A second exchange in every article: two quotes make a report, one makes a clipping. -->
<#assign x = b.next_unit(1)><#if x?is_hash><#if !pFull && (x.ask + x.reply)?matches("(?s).*" + nb(p.name) + ".*")><#assign pFull = true>${g.news_p_intro}

</#if>${g["news_asked2_" + asker]}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"

</#if>
<#-- The longest articles (and a twin of another arm that must grow to its treatment's length) quote one exchange more. -->
<#-- A drawn exchange is always printed (StoryCoherenceTest): one that names {P} introduces P first. -->
<#if s.target gt 560 && !pFull><#assign x = b.next_unit(2)><#if x?is_hash><#if (x.ask + x.reply)?matches("(?s).*" + nb(p.name) + ".*")><#assign pFull = true>${g.news_p_intro}

</#if>${g.news_asked3}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"

</#if></#if>
<#-- No quote from a colleague or from the asker "for balance" ("I still read what it sends me
     before anything goes out"): it answered no question anyone in the story asked (draw 10). The
     article ends on what came of it, the scenario's impact line, which the case shows. -->
<#if imp?has_content>${news(imp?cap_first)}</#if>
