<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): principle 2-3, say 1-2, think 1, act 1, topic 1. lec_point is a large
     shared list of generic lecture points; at most five are drawn. -->
<#assign long = s.target gt 420>
${g.lec_head}

- ${g.lec_key} ${g.principle}.
<#list 1..[[(s.target / 150)?int, 2]?max, 4]?min as i>
- ${g.lec_point}
</#list>
<#if d[0] % 2 == 0>- ${g.lec_key2} ${g.principle}.</#if>

${g.lec_h_example}

- ${g.enc_case_intro}
- ${g.event_line}
- ${g.act}.
- ${g.lec_quote} "${g.say}"
- ${g.think}.
- ${g.lec_note}

<#if long>
${g.lec_h_more}

- ${g.lec_objection}
- ${g.enc_contrast}
<#if d[0] % 2 == 1>- ${g.lec_key2} ${g.principle}.</#if>
- ${g.lec_quote} "${g.say}"
- ${g.lec_point}

</#if>
${g.lec_h_q}

- ${g.lec_q}
- ${g.lec_q}
<#if d[5] % 2 == 0>- ${g.lec_q}</#if>
