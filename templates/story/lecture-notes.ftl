<#import "lib.ftl" as b>
${g.lec_head}

<#list 1..[[(s.target / 90)?int, 3]?max, 6]?min as i>
- ${g.lec_bullet}
</#list>

${g.lec_h_example}

- ${g.enc_case_intro}
- ${g.event_line}
- ${g.act}.
- ${g.lec_quote} "${g.say}"
- ${g.think}.

<#if s.target gt 300>
${g.lec_h_more}

- ${g.lec_bullet}
- ${g.enc_contrast}
- ${g.lec_quote} "${g.say}"

</#if>
${g.lec_h_q}

- ${g.lec_q}
- ${g.lec_q}
