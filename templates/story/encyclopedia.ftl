<#import "lib.ftl" as b>
<#-- Budget (lib.ftl): principle 2, say 2, think 1, act 1, topic 1. The generic expository
     paragraphs (enc_*) rotate so entries do not all run definition, case, contrast. -->
<#assign long = s.target gt 420>
${g.enc_head}

${g.principle}. ${g.enc_def}

<#if d[2] % 3 != 0>${g.enc_history}

</#if>
${g.enc_case_intro} ${g.event_line} ${g.act}.

${g.enc_quote} "${g.say}"

${g.think}. ${g.enc_case_end}

<#switch d[3] % 3>
<#case 0>${g.enc_trait} ${g.principle}.

${g.enc_method}

${g.enc_contrast}<#break>
<#case 1>${g.enc_contrast}

${g.enc_method} ${g.enc_trait} ${g.principle}.<#break>
<#default>${g.enc_method}

${g.enc_trait} ${g.principle}. ${g.enc_contrast}
</#switch>


<#if long>
<#if d[4] % 2 == 0>${g.enc_debate}

${g.enc_quote2} "${g.say}"<#else>${g.enc_quote2} "${g.say}"

${g.enc_debate}</#if>


</#if>
${g.enc_see_also}
