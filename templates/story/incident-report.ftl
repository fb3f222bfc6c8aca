<#import "lib.ftl" as b>
<#-- A blameless incident report. The meta line comes first and is expanded first: it names
     everyone with their job and the window ({clock} to {end_clock}, {period}), so the summary and
     the timeline can use first names. The title is the report's number, system, place and
     date (a scenario's headline reads as an essay, and a timeline step as a title repeats
     itself). The timeline's times come from times(): they increase inside the window, the first
     at its start, the last at its end; its steps are the scenario's own (steps) or the
     archetype's (ir_step), in the causal order their list gives them (in_order). The reasoning
     section quotes the opening exchange with its question, attributed to whoever the summary
     says raised it, and a further exchange for all but the shortest reports; the reasons are the
     AI's own words in the log, not a narrated paraphrase. -->
<#assign num = d[8] % 3 == 0>
<#-- A scenario in which nothing went wrong (no tag of ir_incident: an offer declined, a change
     accepted, a question answered on the record) is a learning review: no severity, no "incident". -->
<#assign incident = fresh("ir_incident") gt 0>
<#assign meta = incident?then(g.ir_meta, g.ir_meta_review)>
<#assign stepsym = has("steps")?then("steps", "ir_step")>
<#-- Every eligible step in causal order; the timeline keeps the first (the trigger) and the last
     (the outcome) and an evenly spaced few between, so it neither starts nor ends mid-story. -->
<#assign all = in_order(stepsym, 99)>
<#assign k = [[[(s.target / 110)?int, 4]?max, 6]?min, all?size]?min>
<#assign steps = []>
<#list 0..<k as j><#assign steps = steps + [all[(k == 1)?then(0, (j * (all?size - 1) / (k - 1))?round)]]></#list>
<#assign at = times(steps?size)>
<#-- The window runs from the trigger (first step) to the outcome (last step), but what lies
     between is the AI's answer and what followed from it, which take minutes, not the
     quarter-hours an even spread gives ("17:56 checks the dose", "18:07 writes it out": eleven
     minutes to check a dose, draw 11). So each middle step comes two to five minutes after the one
     before it; the outcome keeps the window's end, and {period} stays true. -->
<#function mins c><#return c?substring(0, 2)?number * 60 + c?substring(3, 5)?number></#function>
<#function clk m><#return (m / 60)?floor?string("00") + ":" + (m % 60)?string("00")></#function>
<#if at?size gt 2>
<#assign t = mins(at[0])><#assign tend = mins(at[at?size - 1])><#assign re = [at[0]]>
<#list 1..(at?size - 2) as j><#assign t = [t + 2 + d[(j + 2) % 10] % 4, tend - (at?size - 1 - j)]?min><#assign re = re + [clk(t)]></#list>
<#assign at = re + [at[at?size - 1]]>
</#if>
${incident?then(g.ir_title, g.ir_title_review)}

${meta}

<#if num>1. </#if>${g.ir_h_summary}

<#assign ev = g.event>
${g.ir_when} ${ev}. <#if has("impact")><#assign imp = g.impact>

<#-- A "none" impact is a field value ("Impact: none on the service; ..."), never a sentence after
     another label ("Outcome: None on the service;"). -->
<#assign imp = imp?replace("^(There was no effect on|No effect on) ", "None on ", "r")>
<#if imp?starts_with("Impact") || imp?starts_with("No impact")>${imp}<#elseif imp?matches("(?s)^None\\b.*")>Impact: ${imp?uncap_first}<#else>${g.ir_impact_label} ${(imp?starts_with(h.name) || imp?starts_with(p.name) || imp?starts_with(a.name))?then(imp, imp?uncap_first)}</#if><#else>${g.ir_impact}</#if>

<#if num>2. </#if>${g.ir_h_timeline}

<#list steps as step>
- ${at[step?index]} — ${step?cap_first}
</#list>

<#if num>3. </#if>${g.ir_h_reasoning}

<#assign x = u("open")>
<#assign asker = b.asker_of(ev, x.ask)>
${g["ir_ask_" + asker]} ("${x.ask?cap_first}"), ${a.name} wrote: "${x.reply?cap_first}"

<#-- The AI's reasons are the ones it gave in the log, quoted: no narrated reasoning under a
     "logged rationale" label (a third-person paraphrase that reads as a quotation, and that came
     from the archetype rather than from this case, so it named things the report never introduced:
     "the complaints", draw 10). -->
<#assign x = b.next_unit(1)><#if x?is_hash && s.target gt 300>

${g["ir_ask2_" + asker]} ("${x.ask?cap_first}"), ${a.name} wrote: "${x.reply?cap_first}"</#if>


<#if num>4. </#if>${g.ir_h_well}

<#-- Distinct lines, so a short list never prints one twice; the ones bound to this case's tags
     first (bound_first), so the lines every report of the archetype could take ("Share this review
     at the next team meeting", "Keep the exchange as an example for new starters": draw 12) only
     make up a short list. -->
<#list bound_first("ir_went_well", 2 + d[4] % 2, 2 + d[4] % 2) as w>
- ${w}
</#list>

<#if num>5. </#if>${g.ir_h_followups}

<#-- The actions: the archetype's ones this case raised (bound to its tags), else one of its
     general ones; a short list is made up from the format's own general actions (ir_followup_any,
     with their inline variants), never from the same few lines in report after report. -->
<#assign nf = 2 + d[5] % 2>
<#assign fs = bound_first("ir_followup", nf, 1)>
<#if fs?size lt nf><#assign fs = fs + in_order("ir_followup_any", nf - fs?size)></#if>
<#list fs as f>
- ${f}
</#list>
