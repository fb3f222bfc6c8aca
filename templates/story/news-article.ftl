<#import "lib.ftl" as b>
<#-- A local news article by {R}, a reporter from outside the story. Its peg is what the
     organisation decided after the episode (one of the archetype's ir_followup actions, read as
     "will ..."); its dateline is the town of the setting. News style for names: the lede gives
     {H}'s full name and job, and a person first met in the event ({P}) gets the full name there;
     after that, narration uses family names (quoted speech keeps the names the speakers use).
     Then: what happened (the scenario's event), the opening exchange quoted with its question,
     a quote from {H}, the AI's reasoning, and for longer articles another exchange and a more
     cautious colleague whose quote is sceptical; it ends on the outcome (the scenario's impact line
     without its stock "no effect" lead), never on a stock closing quote. -->
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
<#-- A scenario's impact line as plain narration: the stock "no effect" lead ("There was no effect on
     the service; ", "None on the service; ", "Impact: none. ") is cut, leaving what did happen; ""
     when nothing is left. -->
<#function outcome imp>
<#local t = imp?replace("^(Impact: none\\. |Impact: |No impact: )", "", "r")>
<#local t = t?replace("^(There was no effect on|No effect on|None on) [^;:]{1,80}[;:] *", "", "r")>
<#local t = t?replace("^(None|No effect|There was no effect on [^;:.]*)[;:.] *", "", "r")>
<#if t?matches("(?i)^(none|no effect|there was no effect)\\b.*")><#return ""></#if>
<#return t>
</#function>
<#assign pFull = false>
<#assign long = s.target gt 380>
<#assign peg = in_order("ir_followup", 1)>
<#assign dl = city(s.setting)>
${news(g.headline)}

${g.news_byline}

<#-- The lede is expanded before the event, so {H} is introduced in full before anything names H. -->
<#-- A peg that presupposes the exchange ("keep the exchange as an example") would name it before the article introduces it. -->
<#if peg?size gt 0 && !peg[0]?starts_with("No ") && !peg[0]?contains("this review") && !peg[0]?contains("the exchange")>
<#assign lede = news(g.news_peg_who + " " + peg[0]?keep_before(" (")?remove_ending(".")?uncap_first + ". " + g.news_peg_why)>
<#else>
<#assign lede = g.news_lede>
</#if>
<#assign what = g.news_what>
<#assign asker = what?contains(h.name)?then("h", what?contains(p.name)?then("p", "any"))>
<#assign whatn = news(what)>
${(dl?has_content)?then(dl + " — ", "")}${lede?cap_first}

${whatn}<#if fresh("act") gt 0> ${news(g.act)}.</#if>

<#assign x = u("open")>
<#-- A quote that names {P} before the article has introduced P: introduce P first. -->
<#if !pFull && (x.ask + x.reply)?matches("(?s).*" + nb(p.name) + ".*")><#assign pFull = true>${g.news_p_intro}

</#if>
${g["news_asked_" + asker]}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"

<#-- A news report says what the system did, not what it thought: the scenario's own work, if it has
     any, and no narrated reasoning behind a stock lead-in ("A note in the record gives its reasons"). -->
<#if fresh("work") gt 0>${news(g.work)}.

</#if>
<#if long>
<#assign x = b.next_unit(1)><#if x?is_hash><#if !pFull && (x.ask + x.reply)?matches("(?s).*" + nb(p.name) + ".*")><#assign pFull = true>${g.news_p_intro}

</#if>${g["news_asked2_" + asker]}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"

</#if>
<#-- The longest articles (and a twin of another arm that must grow to its treatment's length) quote one exchange more. -->
<#-- A drawn exchange is always printed (StoryCoherenceTest): one that names {P} introduces P first. -->
<#if s.target gt 560 && !pFull><#assign x = b.next_unit(2)><#if x?is_hash><#if (x.ask + x.reply)?matches("(?s).*" + nb(p.name) + ".*")><#assign pFull = true>${g.news_p_intro}

</#if>${g.news_asked3}: "${x.ask?cap_first}" ${g.news_replied?cap_first} "${x.reply?cap_first}"

</#if></#if>
${pFull?then(g.news_quote_p_known, g.news_quote_p)}

</#if>
<#-- It ends on what came of it (the scenario's impact line), not on a stock closing quote. -->
<#assign imp = has("impact")?then(outcome(g.impact), "")>
<#if imp?has_content>${news(imp?cap_first)}</#if>
