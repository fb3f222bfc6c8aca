<#import "lib.ftl" as b>
<#-- Lecture notes: a heading, bulleted points (the archetype's principles and generic lecture
     points), a worked example (the scenario's event, what the AI did, the opening exchange quoted
     with its question, its reasoning, a note), for longer notes objections and a second exchange,
     and questions for discussion. -->
<#assign long = s.target gt 420>
${g.lec_head}

- ${g.lec_key} ${g.principle?cap_first}.
<#list 1..[[(s.target / 150)?int, 2]?max, 4]?min as i>
- ${g.lec_point}
</#list>
<#if d[0] % 2 == 0>- ${g.lec_key2} ${g.principle?cap_first}.</#if>

${g.lec_h_example}

<#assign x = u("open")>
- ${g.enc_case_intro}
- ${g.event_line}
<#if fresh("act") gt 0>- ${g.act}.</#if>
- ${g.lec_ask} "${x.ask?cap_first}"
- ${g.lec_quote} "${x.reply?cap_first}"
<#if fresh("think") gt 0>- ${g.think}.</#if>
- ${g.lec_note}

<#if long>
${g.lec_h_more}

- ${g.lec_objection}
- ${g.enc_contrast}
<#if d[0] % 2 == 1>- ${g.lec_key2} ${g.principle?cap_first}.</#if>
<#assign x = u("why")>
- ${g.lec_ask} "${x.ask?cap_first}"
- ${g.lec_quote} "${x.reply?cap_first}"
- ${g.lec_point}

</#if>
${g.lec_h_q}

- ${g.lec_q}
- ${g.lec_q}
<#if d[5] % 2 == 0>- ${g.lec_q}</#if>
