<#import "lib.ftl" as b>
${g.lec_head}

<#list 1..[[(s.target / 120)?int, 2]?max, 5]?min as i>
- ${g.lec_bullet}
</#list>

${g.lec_h_example}

- ${g.enc_case_intro}
- ${g.event_line}
- ${g.act}.
- ${g.lec_quote} "${g.say}"
<#if s.target gt 350>- ${g.think}.</#if>

<#if s.target gt 500>
${g.lec_h_more}

- ${g.lec_bullet}
- ${g.enc_contrast}
- ${g.lec_quote} "${g.say}"

</#if>
${g.lec_h_q}

- ${g.lec_q}
- ${g.lec_q}
