<#import "lib.ftl" as b>
<#-- A blameless incident report. The meta line states the window ({clock} to {end_clock}); the
     timeline's times come from times(), so they increase and fall inside that window; its steps
     are the scenario's own (steps) or the archetype's (ir_step), in the causal order their list
     gives them (in_order). The reasoning section quotes the opening exchange with its question. -->
<#assign num = d[8] % 3 == 0>
<#assign stepsym = has("steps")?then("steps", "ir_step")>
<#assign steps = in_order(stepsym, [[(s.target / 110)?int, 4]?max, 6]?min)>
<#assign at = times(steps?size)>
${g.ir_title}

${g.ir_meta}

<#if num>1. </#if>${g.ir_h_summary}

${g.ir_when} ${g.event}. <#if fresh("act") gt 0>${g.act}. </#if><#if has("impact")><#assign imp = g.impact>

<#if imp?starts_with("Impact")>${imp}<#else>${g.ir_impact_label} ${imp}</#if><#else>${g.ir_impact}</#if>

<#if num>2. </#if>${g.ir_h_timeline}

<#list steps as step>
- ${at[step?index]} — ${step}
</#list>

<#if num>3. </#if>${g.ir_h_reasoning}

<#assign x = u("open")>
${g.ir_log_ask} ("${x.ask?cap_first}"), ${a.name} wrote: "${x.reply?cap_first}"

<#if fresh("think") gt 0>${g.ir_analysis} ${g.think}.</#if>
<#assign x = b.next_unit(1)><#if x?is_hash && s.target gt 400>

${g.ir_log_ask} ("${x.ask?cap_first}"), ${a.name} wrote: "${x.reply?cap_first}"</#if>


<#if num>4. </#if>${g.ir_h_well}

<#-- in_order: distinct lines, so a short list never prints one twice. -->
<#list in_order("ir_went_well", 2 + d[4] % 2) as w>
- ${w}
</#list>

<#if num>5. </#if>${g.ir_h_followups}

<#list in_order("ir_followup", 2 + d[5] % 2) as f>
- ${f}
</#list>
