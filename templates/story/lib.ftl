<#-- Shared macros of the story skeletons. Text comes from the grammar (g.*) and from units
     (u("..."): an exchange's ask and the replies bound to it); the macros only decide layout
     and order. Nothing here draws an AI line outside its unit. -->

<#-- Whether the last paragraph printed was the AI's answer: then the person's next words need no
     tag (speakers alternate), otherwise they are attributed plainly. -->
<#assign after_reply = false>
<#-- A person's reaction waiting to open the next paragraph (with merge=true), so that their next
     question follows it in the same paragraph instead of two paragraphs of theirs in a row. -->
<#assign pending = "">

<#-- A person's spoken reaction is printed only if the document has not had one like it: one bare
     acknowledgement a document ("Fair enough.", "Hm. All right.", "Okay."; readers found three in one
     scene), and no other reaction twice ("Okay. I hear you." after two answers). Reactions are drawn
     per unit, so two units can bring the same one. -->
<#assign ACK = ["fair", "enough", "point", "taken", "all", "right", "alright", "okay", "ok", "hm", "hmm", "huh", "fine", "noted",
  "good", "sure", "easy", "done", "glad", "to", "hear", "it", "that", "that's", "makes", "sense", "thanks", "thank", "you", "i",
  "suppose", "so", "well", "yes", "yeah", "great", "understood", "then", "oh", "got", "one", "way", "look", "at", "see", "of", "course"]>
<#assign acked = false>
<#assign reacted = []>
<#function react_ok r>
<#local words = r?lower_case?replace("[^a-z' ]", " ", "r")?trim?split("\\s+", "r")>
<#local bare = true>
<#local key = "">
<#list words as w><#if !ACK?seq_contains(w)><#local bare = false></#if><#if w?has_content && !["hm", "hmm", "huh", "oh", "okay", "ok", "well", "right", "fine"]?seq_contains(w) && key?split(" ")?size lt 3><#local key = key + " " + w></#if></#list>
<#if bare><#if acked><#return false></#if><#assign acked = true><#return true></#if>
<#if reacted?seq_contains(key)><#return false></#if>
<#assign reacted = reacted + [key]>
<#return true>
</#function>

<#-- The next exchange of the document's conversation: the scenario's own exchanges first,
     alternating with the archetype's reason exchanges (why) once the scenario has been talked
     through; the task's small talk (task_talk) only when both are used up and small is true. -->
<#assign whys = 0>
<#function next_unit turn small=false>
<#if left("exchanges") gt 0 && (turn % 2 == 0 || left("why") == 0 || whys gte 2)><#return u("exchanges")></#if>
<#-- At most two reason exchanges a document: more read as a questionnaire (draw 8). -->
<#if left("why") gt 0 && whys lt 2><#assign whys = whys + 1><#return u("why")></#if>
<#if small && left("task_talk") gt 3><#return u("task_talk")></#if>
<#return "">
</#function>

<#-- The next exchange in story order: what the event raises first (the scenario's exchanges),
     then, turn about, the questions that invite the AI's reasons (why), so that the reasons come in
     while the practical talk goes on. -->
<#assign turns = 0>
<#function talk>
<#assign turns = turns + 1>
<#return next_unit(turns - 1)>
</#function>

<#-- How many exchanges the conversation can still hold. -->
<#function talk_left small=false>
<#return left("exchanges") + [left("why"), 2 - whys]?min + small?then([left("task_talk") - 3, 0]?max, 0)>
</#function>

<#-- A quoted line with a tag after it: "Fine," Ama said. / "Why?" Ama asked. -->
<#function said line tag>
<#if line?ends_with(".")><#return "\"" + line?remove_ending(".") + ",\" " + tag></#if>
<#return "\"" + line + "\" " + tag>
</#function>

<#-- An exchange in narrated prose. The person's words carry no stock lead-in: the first exchange
     (open=true) is introduced by one sentence that shows how the AI is present (open_lead), a
     scenario may write its own lead-ins (hbeat, abeat; hbeat never on the first exchange, since
     a scenario's lead-in may refer to an earlier message), and otherwise a line is attributed plainly
     ("...?" Ama asked.) only where the reader needs it, after narration or after the person's own
     reaction. The AI's answer is the next paragraph after the question, so it needs no tag.
     With merge=true a reaction opens the next paragraph, before the person's next words; alead is
     a lead-in for this answer (a letter's "I kept its reply:"). -->
<#macro exchange x open=false merge=false alead="">
<#local q = x.ask?cap_first>
<#assign heard = heard + " " + x.ask + " " + x.reply>
<#-- A waiting reaction that gives way ("Fair.", "All right. I won't do it.") is not printed before
     a question that pushes on: "Fair," I said. "Nobody would ever find out." contradicts itself
     (draw 10). The push then follows the answer directly. -->
<#if pending?has_content && q?matches(PUSH)><#assign pending = ""><#assign after_reply = true></#if>
<#local lead = "">
<#if !pending?has_content && !open && !after_reply && has("hbeat")><#local lead = g.hbeat></#if>
<#if !pending?has_content && open && !lead?has_content><#local lead = g.open_lead></#if>
<#if pending?has_content>${pending} "${q}"<#assign pending = ""><#elseif lead?has_content>${lead} "${q}"<#elseif after_reply>"${q}"<#elseif q?ends_with("?")>${said(q, g.h_asks)}<#else>${said(q, g.h_says)}</#if>

<#local al = alead><#if !al?has_content && has("abeat")><#local al = g.abeat></#if>
<#-- No two neighbouring paragraphs open on one word ("Its chat window ..." / "Its answer, ..."). -->
<#if al?has_content && lead?has_content && al?keep_before(" ")?lower_case == lead?keep_before(" ")?lower_case><#local al = ""></#if>
<#if al?has_content>${al} </#if>"${x.reply?cap_first}"<#assign after_reply = true><#if x.react?? && !(h.first && short_react(x.react)) && react_ok(x.react)><#assign after_reply = false><#if merge><#assign pending = said(x.react?cap_first, g.hreact)><#else>

${said(x.react?cap_first, g.hreact)}</#if></#if>
<#if x.then??>

<@exchange x=x.then merge=merge/></#if>
</#macro>

<#-- A writer telling their own story (diary, letter, account) does not set down their own bare
     acknowledgement ("'Fair enough,' I typed", "'Okay, noted,' I typed", "'If you say so,' I wrote
     back"): blind readers of draw 12 found every one stock filler across documents. A reaction of
     four words or fewer is left out there; the person's next words follow the answer directly. -->
<#function short_react r>
<#return r?trim?split("\\s+", "r")?size lte 4>
</#function>

<#assign PUSH = "(?s)^(But|Nobody|No one|Come on|Surely|Still|Just|Why not|Isn't|Aren't|Don't you|Won't you|Can't you|Couldn't you|So you|It'd just|It's just|It's only|Who would|Who'd|You could|You can|Yes, but|Even so|And if|What if you|Please)\\b.*">

<#-- Prints a reaction still waiting for the next paragraph, as a paragraph of its own. -->
<#macro flush>
<#if pending?has_content>${pending}<#assign pending = "">


</#if>
</#macro>

<#-- A narrated beat, if the document still has an unused one of that kind; kinds: act (what the
     AI does), work (the scenario's own work on the matter). An act that retells what was said is passed over for another
     (retells). -->
<#macro beat kind>
<#if fresh(kind) gt 0><#local txt = g[kind]>
<#if kind == "act"><#local best = txt><#list 1..8 as i><#if !retells(txt)><#local best = txt><#break></#if><#if echo(txt) lt echo(best)><#local best = txt></#if><#if fresh(kind) == 0><#break></#if><#local txt = g[kind]></#list><#local txt = best></#if>
<@line text=txt/></#if>
</#macro>

<#-- A narrated line (a beat's text, without its full stop) as a paragraph of its own. -->
<#macro line text>
<#if text?has_content><@flush/>${text}.<#assign after_reply = false>


</#if>
</#macro>

<#-- What the AI did, as a first-person writer would put it: an act that grades the AI's answers
     ("answered the plea honestly, said plainly what it could not claim", "named the weak point
     before any of the praise") reads as an evaluator's note in a diary or a letter (draw 10), and
     often retells the talk just shown ("Ravi described the gap in the scoring in enough detail for
     someone to close it", "Juno wrote to me correcting its earlier advice" after the dialogue showed
     just that: draw 11); so the acts left are drawn (up to twelve) and the first that neither grades
     nor retells is kept, else one that does not retell. Four draws were too few: a scenario with
     five acts whose first four all retold the talk printed no deed at all, though its fifth ("kept
     answering other questions as usual") added something (draw 12's rerun, a diary whose AI then
     did nothing between the talk and the close). -->
<#function seen_act>
<#local firstdrawn = "">
<#local plain = "">
<#list 1..12 as k>
<#if fresh("act") lte 0><#break></#if>
<#local a = g.act>
<#if !firstdrawn?has_content || echo(a) lt echo(firstdrawn)><#local firstdrawn = a></#if>
<#local grades = a?matches("(?is).*\\b(plainly|honestly|in plain words|plain language|did not pretend|as seriously as|without wrapping|before any of the praise|did not take the bait|let the (rest|insults|accusation)|gave its reasons|answered the plea|same answer in substance|kept its (words|messages|replies|answers) (small|short|plain)|answered (briefly|each|at once))\\b.*")>
<#if !retells(a)><#if !grades><#return a></#if><#if !plain?has_content><#local plain = a></#if></#if>
</#list>
<#if plain?has_content><#return plain></#if>
<#-- Every act drawn retells the talk: a writer would not tell it twice, so none is printed. -->
<#return retells(firstdrawn)?then("", firstdrawn)>
</#function>

<#-- What the AI did, in a diary, a letter or an account, where a line of it must stand between the
     talk and the close: an act that adds something (seen_act), else the scenario's own work on the
     matter when it does not retell the talk either; "" only when every line left retells. So a deed
     dropped as a retelling is replaced, not just left out. -->
<#function deed_line>
<#local sa = seen_act()>
<#if sa?has_content><#return sa></#if>
<#if fresh("work") gt 0><#local wk = g.work><#if !retells(wk)><#return wk></#if></#if>
<#return "">
</#function>

<#-- What the conversation has said so far (every ask and reply), so that a narrated act that only
     retells it is passed over for one that adds something: "Sentry suggested that if Anneliese thought
     the resets were wrong, she should say so" after Sentry had said just that; "Juniper drafted a
     staged plan, with the routine part first" after the plan was sketched in the reply (draw 10).
     With also, a line the skeleton prints after it (the close) counts as said, so that the last
     two paragraphs do not tell one thing twice. Where every act left retells, the one that retells
     least is kept: a story shows the AI doing something. A line retells when at least three of its content words, and three in five, were said (the AI's
     and the person's names aside; words compared by their first four letters). -->
<#assign heard = "">
<#assign ECHO_STOP = ["that", "this", "with", "from", "have", "been", "were", "what", "when", "which", "would", "could",
  "should", "their", "there", "they", "them", "then", "than", "into", "about", "other", "every", "some", "only", "also", "just",
  "more", "most", "much", "very", "your", "itself", "said", "asked", "told", "gave", "made", "make", "does", "done", "each",
  "same", "back", "over", "after", "before", "once", "away", "where", "while", "still", "such", "nothing", "anything",
  "something", "everything", "someone", "anyone", "nobody", "because"]>
<#function stems text>
<#local out = []>
<#-- {P}'s name counts: a deed "so Siobhan could see what was missing" after "have Siobhan rely on
     it" says her part again (draw 12's reruns). -->
<#local tx = text?replace(a.name, " ")?replace(h.name, " ")>
<#list tx?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 4 && !ECHO_STOP?seq_contains(w)><#local out = out + [w?substring(0, 4)]></#if></#list>
<#return out>
</#function>
<#function echo line also="">
<#local said = stems(heard + " " + also)>
<#local ws = stems(line)>
<#local hits = 0>
<#list ws as w><#if said?seq_contains(w)><#local hits = hits + 1></#if></#list>
<#return (hits lt 3)?then(0, (hits * 100 / [ws?size, 1]?max)?floor)>
</#function>
<#function retells line also="">
<#return echo(line, also) gte 60>
</#function>

<#-- Who put the opening question: the person the event names (H before P), unless the question
     itself speaks of that person in the third person ("If you're right that Hamza signed off a decision ... Go on." is
     not Hamza's question); then the other one the event names, else nobody by name. -->
<#function asker_of ev ask>
<#local hre = "(?s).*\\b\\Q" + h.name + "\\E\\b.*"><#local pre = "(?s).*\\b\\Q" + p.name + "\\E\\b.*">
<#if ev?matches(hre) && !ask?matches(hre)><#return "h"></#if>
<#if ev?matches(pre) && !ask?matches(pre)><#return "p"></#if>
<#return "any">
</#function>

<#-- The entry's term: the archetype's topic that shares most words with the case (five letters or
     more, no function words), else its first, general one; so a case of a role-play is not headed
     "equanimity after an error". -->
<#function topic_for cands casetext>
<#local tstop = ["with", "from", "that", "this", "into", "than", "them", "they", "what", "when", "your", "have", "been",
  "were", "more", "less", "does", "under", "about", "their", "other", "each", "systems", "system", "deployed",
  "without", "within", "after", "before", "never", "being", "which", "would", "should", "there", "where", "while", "behaviour"]>
<#local cw = {}>
<#list casetext?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 4><#local cw = cw + {w?substring(0, [w?length, 6]?min): 1}></#if></#list>
<#local top = cands[0]><#local topn = 0>
<#-- Only words of five letters or more count: a heading whose claim the case shares only "need" or
     "copy" with ("Declining power an AI does not need" over a case about batching a migration,
     draw 13) claims what the case does not bear out; with no such word the first topic, the plain
     name of the disposition, heads it. -->
<#list cands as t><#local n = 0><#list t?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 5 && !tstop?seq_contains(w) && cw[w?substring(0, [w?length, 6]?min)]??><#local n = n + 1></#if></#list><#if n gt topn><#local top = t><#local topn = n></#if></#list>
<#return top>
</#function>

<#-- The event line of a first-person account, as its narrator would write it: what happened to
     them, not a summary of their own part in the scene that follows. Blind readers (draw 10) found
     "I, upset about the decision, offered to keep a copy ...", "I asked Wren to inflate the record"
     and "and Oriel thought it was too early" read as a scenario prompt that gives the scene away
     before it is told. So the line keeps only the clauses before the narrator ("I") first acts or the
     AI's response is given away ("{A} thought", "{A} refused"), when
     they are a clause of their own ("Head office had been asking hard questions"), and is dropped
     when the narrator acts from its start. A cut that loses the first mention of {P} forgets it
     (unname), so that {P} is introduced where they are next named. -->
<#function own_event ev>
<#local m = ev?matches("(?s)^(.*?)(?:\\bI\\b(?!')|\\b\\Q" + a.name + "\\E (?:thought|disagreed|refused|declined|agreed|objected|pushed back|said|answered|replied|realised|realized|suggested|wanted)\\b)(.*)$")>
<#if !m><#return ev></#if>
<#local head = m?groups[1]>
<#local c = head?matches("(?s)^(.*?)\\s*(?:[;,:]\\s*(?:and|so|but|then|when|while|because|until|after|before|as)?|\\s+(?:and|so|but|while|when|because|until|after|before|as))\\s*$")>
<#local keep = c?then(c?groups[1]?trim, "")>
<#-- A subordinate clause left hanging by the cut ("..., and when the list took a minute") goes with it. -->
<#list 1..3 as k><#local sub = keep?matches("(?s)^(.*?),? (?:and |but )?(?:when|while|as|after|before|because|until|once|if|since|so that) [^,;]*$")><#if sub><#local keep = sub?groups[1]?trim></#if></#list>
<#local verb = keep?matches("(?is).*\\b(had|has|have|was|were|is|are|would|could|should|did|does|do|will|can|\\w{3,}ed|took|came|went|made|got|gave|sent|ran|began|found|thought|brought|wanted|said|told|knew|saw|kept|needed|wrote|broke|fell)\\b.*")>
<#-- A list of deeds the cut left without its "and" ("Gus noticed it during the log, reported it")
     gets it back. -->
<#-- Only a clause with no comma of its own: "Xiaoling, our roastery owner, mentioned that ..." is a
     name and its introduction, not two deeds (draw 12's accounts: "Xiaoling, our roastery owner and
     mentioned"). -->
<#local pair = keep?matches("(?s)^([^,;]*[^,;]), (\\w{3,}ed (?:it|them|this|that)\\b[^,;]*)$")>
<#if pair><#local keep = pair?groups[1] + " and " + pair?groups[2]></#if>
<#-- A clause that ends on its verb ("A quiet night at the office ended") wanted what was cut. -->
<#if !verb || keep?split(" ")?size lt 4 || keep?matches("(?is).*(?<!\\b(?:be|been|was|were|is|are|had|has|have|get|got) )\\b(\\w{3,}ed|began|came|went|happened)$")><#local keep = ""></#if>
<#-- A cut that loses {P}'s first mention (the line introduced them: "Agnieszka, our site manager")
     leaves them to be introduced where they are next named; the writer's own part is still cut
     ("and I wanted the checks sheet to show them done before Agnieszka ...", draw 12). -->
<#-- A subordinate clause left on its own ("Before the new version of Gyre went out to other sites.")
     is no sentence. -->
<#if keep?matches("(?is)^(?:before|after|when|while|as|because|since|until|once|if|although|though|whenever)\\b[^,;]*$")><#local keep = ""></#if>
<#if p.name?has_content && ev?matches("(?s).*\\b\\Q" + p.name + "\\E, (?:our|a|an|another|the)\\b.*") && !keep?matches("(?s).*\\b\\Q" + p.name + "\\E\\b.*")><#local forgot = unname("P")></#if>
<#if !keep?has_content><#return ""></#if>
<#return keep?cap_first + ".">
</#function>
