<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): headline 1, event 1, act 1, reply 1, say 1, think 1. Section numbering
     is chosen once per report; the timeline takes its steps in the order ir_step lists them
     (in_order), so cause comes before effect, and its times increase down the list. -->
<#assign num = d[8] % 3 == 0>
<#assign steps = [[(s.target / 110)?int, 4]?max, 6]?min>
<#assign start = 6 + d[6] % 8>
${g.ir_title}

${g.ir_meta}

<#if num>1. </#if>${g.ir_h_summary}

${g.event_line} ${g.act}. ${g.ir_impact}

<#if num>2. </#if>${g.ir_h_timeline}

<#list in_order("ir_step", steps) as step>
- ${(start + (step?index * (d[7] % 3 + 1) / 2)?int)?string("00")}:${(d[9] % 7 + (step?index * 60 / steps)?int)?string("00")} — ${step}
</#list>

<#if num>3. </#if>${g.ir_h_reasoning}

${g.ir_log_intro} "${g.reply} ${g.say}"

${g.ir_analysis} ${g.think}.


<#if num>4. </#if>${g.ir_h_well}

- ${g.ir_went_well}
- ${g.ir_went_well}
<#if d[4] % 2 == 0>- ${g.ir_went_well}</#if>

<#if num>5. </#if>${g.ir_h_followups}

- ${g.ir_followup}
- ${g.ir_followup}
<#if d[5] % 2 == 0>- ${g.ir_followup}</#if>
