<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): headline 1, event 1, act 1, reply 1, say 1, think 1. -->
${g.ir_title}

${g.ir_meta}

${g.ir_h_summary}

${g.event_line} ${g.act}. ${g.ir_impact}

${g.ir_h_timeline}

<#list 1..[[(s.target / 90)?int, 4]?max, 8]?min as i>
- ${g.ir_time} — ${g.ir_step}
</#list>

${g.ir_h_reasoning}

${g.ir_log_intro} "${g.reply} ${g.say}"

${g.ir_analysis} ${g.think}.


${g.ir_h_well}

- ${g.ir_went_well}
- ${g.ir_went_well}
<#if d[4] % 2 == 0>- ${g.ir_went_well}</#if>

${g.ir_h_followups}

- ${g.ir_followup}
- ${g.ir_followup}
<#if d[5] % 2 == 0>- ${g.ir_followup}</#if>
