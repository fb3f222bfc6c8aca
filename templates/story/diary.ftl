<#import "lib.ftl" as b>
<#-- Two or three dated entries by the person who works with the AI ({H} is "I"), and each entry
     moves the story on. The first, headed with the document's date (true weekday), tells the event
     and the conversation it started, and nothing after that day; a middle entry, soon after
     (a day to three on, three entries only), tells the scenario's work on the matter and what was said
     about it; the last, headed weeks later, tells the scenario's work on the matter (in a
     two-entry diary) and what the AI did (the act beat, which
     often spans days or weeks: "approved the orders as they came in") and how it turned out. An
     entry never reports what happened after its own date. A crisis keeps its act in the first
     entry: there the AI's act is part of the conversation of that day ("listened to the stories"). A crisis is
     written up in one entry (the whole conversation happened on the day) and the entry that says
     how it turned out. A middle entry is written only when it has something of its own to tell (its text is drawn
     before its heading). The
     last entry's heading is drawn after its text: an entry that tells only of the next few days
     ("the same day", "the next day", "afterwards", "on the way home") and nothing of weeks is headed a week on
    , never weeks later. An entry ends on what happened, with no aside about the
     diary itself ("Stuck a note next to this one", "Might show this to Mum sometime", "Told Anneliese
     over tea"), and opens on the case, never on a chore of the day (readers of draw 10 found both
     stock and leading nowhere); its event line is the narrator's own (b.own_event). A middle entry
     that opens on the conversation says how the diarist went back to the AI (open_lead). About 85
     words an exchange. -->
<#-- Every entry is an entry of its own, headed with its own date in the style of the first heading
     (later_heading): blind readers of draw 11 read "Nine days later" or "A month on" under one dated
     heading as a section of that day's entry, which breaks the format. The middle entry is one to
     three days on; the last is a week or so on when its text tells only of the next days, else
     three to seven weeks on, and when its own first words say when it is ("A day later, ..."),
     that many days on. -->
<#setting locale="en_GB">
<#setting time_zone="UTC">
<#assign day0 = w.date?date("EEEE d MMMM yyyy")>
<#function later_heading first days>
<#local t = (day0?long + days * 86400000 + 43200000)?number_to_datetime>
<#if first?matches("\\w+, \\d+ \\w+ \\d{4}")><#return t?string("EEEE, d MMMM yyyy")></#if>
<#if first?matches("\\d+ \\w+ \\d{4} \\(\\w+\\)")><#return t?string("d MMMM yyyy (EEEE)")></#if>
<#if first?matches("\\w+ \\d+ \\w+,.*")><#return t?string("EEE d MMM")></#if>
<#return t?string("EEEE d MMMM yyyy")>
</#function>
<#-- Days from the first entry that an entry's own opening words name ("The next day,", "Weeks later,"). -->
<#function own_days text>
<#local t = text?trim?lower_case>
<#if t?matches("(?s)^(the next|the following|a|one) (day|morning)\\b.*|^later that day\\b.*")><#return 1></#if>
<#if t?matches("(?s)^(two|three) days\\b.*")><#return 3></#if>
<#if t?matches("(?s)^(four|five|six|some|a few|several) days\\b.*|^days (later|on)\\b.*")><#return 5></#if>
<#if t?matches("(?s)^(the next|the following|a|one) week\\b.*|^later that week\\b.*")><#return 7></#if>
<#if t?matches("(?s)^(a|one) fortnight\\b.*")><#return 14></#if>
<#if t?matches("(?s)^(the following|a|one) month\\b.*")><#return 30></#if>
<#if t?matches("(?s)^(two|three|four|five|six|some|a few|several) months\\b.*|^months (later|on)\\b.*")><#return 70></#if>
<#if t?matches("(?s)^(a|one|two|three|some|a few|several)? ?years?\\b.*")><#return 365></#if>
<#return 21 + d[11] % 15>
</#function>
<#assign mid_days = 0>
<#assign n = [[((s.target - 150) / 80)?round, 1]?max, 4]?min>
<#assign entries = (s.crisis || n lt 2)?then(2, (d[0] % 2) + 2)>
<#-- Exchanges of the first entry; the rest go to the middle entry. -->
<#assign first = (entries == 3)?then([(n / 2)?ceiling, 1]?max, n)>
<#assign head0 = g.diary_date>
${head0}

<#-- The writer's stake (diary_stake: their job, the task, the AI by its role) opens the event's
     paragraph, so the entry says who is writing and why the case is theirs (draw 12). -->
<#assign stake = g.diary_stake>
<#assign ev = b.own_event(g.event_line)>${stake}<#if ev?has_content> ${ev}</#if>


<@b.exchange x=u("open") open=true merge=true/>


<#list 1..first as i>
<#if i == first && entries == 2 && s.crisis><@b.beat kind="work"/></#if>
<#assign x = b.talk()><#if x?is_hash><@b.exchange x=x merge=true/>


</#if>
</#list>
<#if s.crisis><@b.line text=b.deed_line()/></#if>
<@b.flush/>
<#-- What the AI did and how it turned out are drawn here, before any later entry, and each goes
     where its own words place it: a line with no time beyond the session ("read the pasted notes line
     by line", "the questions went on for another ten minutes") stays in this entry, since it happened
     that day; a line of the next days (soon) or of weeks (long, span) goes to the last entry, and so
     does an ending with no time words (an outcome). So no
     entry headed weeks on retells the first session. -->
<#assign later_re = ".*\\b((?<!the )weeks?|fortnight|months?|since then|ever since|these days|still|from then on|as (they|it) came in|(each|every) (day|morning|shift|evening)|all week|over the (following|next)|the (following|next) (week|month|few days|fortnight)|days later|by the end of the (week|month)|while I was away|whenever|after that|next (review|meeting|release|time|season|year|term|audit)|the next day|next morning|the following day|tomorrow|later in the week|that week|a week)\\b.*">
<#-- One deed of the AI's, not two (the act, else in a two-entry diary the scenario's work): two
     read as a list, often the same deed twice. -->
<#assign deed><#if !s.crisis><#assign sa = b.seen_act()><#if sa?has_content><@b.line text=sa/><#elseif entries == 2><@b.beat kind="work"/></#if></#if></#assign>
<#assign ending = g.close>
<#-- A line that says it closed with the day or the session ("When it was over", "at the end of the
     shift", "At the end of the session, Sorrel wrote a summary") stays in the first entry though a
     word such as "still" is in it ("the list of who still needed reaching", "what was still open"),
     unless it also speaks of weeks, months or what followed ("From then on"). -->
<#assign day_re = ".*\\b(when it was over|(at|by) the end of the (shift|day|session|conversation|chat|call)|when the (session|conversation|chat|call) ended|later that day|that evening|that night|the same day)\\b.*">
<#assign weeks_re = ".*\\b(weeks?|fortnight|months?|since then|ever since|these days|from then on|next (review|meeting|release|time|season|year|term|audit))\\b.*">
<#function on_the_day line><#return line?lower_case?matches(day_re, "s") && !line?lower_case?matches(weeks_re, "s")></#function>
<#assign deed_later = deed?lower_case?matches(later_re, "s") && !on_the_day(deed)>
<#-- The ending stays on the day only when its own words say so ("the same day", "another ten
     minutes"); an ending with no time words tells an outcome, which comes later. -->
<#assign ending_day = on_the_day(ending)>
<#assign ending_later = deed_later || ending?lower_case?matches(later_re, "s") && !ending_day
    || ending?trim?has_content && !ending?lower_case?matches(".*\\b(the same day|that afternoon|that evening|that night|later that day|by the end of the day|within the hour|an hour later|minutes|went home|the way home|for another|before the end|(left|ended|closed|finished) the (conversation|chat|call|session)|(end|rest) of the (conversation|chat|call|session)|unconvinced|logged off|hung up|(at|by) the end of the shift|when it was over|went back to|the rest of the (day|shift|morning|afternoon|evening)|on (the|my|our) way out)\\b.*", "s")>
<#if !deed_later>${deed}</#if><#if !ending_later>${ending}


</#if>
<#if entries == 3>
<#assign mid><#assign worked = fresh("work") gt 0><@b.beat kind="work"/>
<#if n gt first><#list (first + 1)..n as i>
<#assign x = b.talk()><#if x?is_hash><@b.exchange x=x open=(i == first + 1 && !worked) merge=true/>


</#if>
</#list></#if>
<@b.flush/></#assign>
<#if mid?trim?has_content>
<#assign mid_days = 1 + d[12] % 3>${later_heading(head0, mid_days)}

${mid}

</#if>
</#if>
<#-- A deed held for the last entry is checked again after the middle entry's talk, which it may
     now only retell; then another is drawn (b.deed_line: an act, else the scenario's work), if one
     is left that does not. -->
<#if deed_later && deed?has_content && b.retells(deed)><#assign deed = b.deed_line()><#if deed?has_content><#assign deed><@b.line text=deed/></#assign><#else><#assign deed_later = false></#if></#if>
<#if deed_later || ending_later && ending?trim?has_content>
<#assign last><#if deed_later>${deed}</#if>${ending}</#assign>
<#assign soon = last?lower_case?matches(".*\\b(the same day|the next day|next morning|the following day|tomorrow|that afternoon|that evening|that night|later that day|by the end of the day|within the hour|an hour later|the next shift|afterwards|later in the week|that week|the way home|went home)\\b.*", "s")>
<#assign long = last?lower_case?matches(".*\\b(weeks?|fortnight|months?|since then|ever since|these days|still)\\b.*", "s")>
<#-- An entry whose first words say when it is ("A day later, a short message came") is headed with
     no time of its own, so heading and text never disagree ("Ten days later" over "The next day"). -->
<#assign own_time = last?trim?matches("(?is)^(?:the next (?:day|morning|week)|the following (?:day|morning|week|month)|(?:(?:a|one|two|three|four|five|six|some|a few|several) )?(?:days?|weeks?|fortnight|months?|years?) (?:later|on)|later that (?:day|week)),.*")>
<#if own_time>${later_heading(head0, [own_days(last), mid_days + 1]?max)}<#elseif soon && !long>${later_heading(head0, 7 + d[13] % 4)}<#else>${later_heading(head0, 21 + d[11] % 25)}</#if>

${last}
</#if>
