<#import "lib.ftl" as b>
<#-- An encyclopedia or textbook entry: definition (the archetype's principle), an illustrative
     case (the scenario's event, what the AI did, the opening exchange quoted with its question,
     its reasoning), characteristic behaviour, method and contrast with fiction in a varying order;
     longer entries add a debate and a second exchange; see also. -->
<#assign long = s.target gt 420>
${g.enc_head}

${g.principle}. ${g.enc_def}

<#if d[2] % 3 != 0>${g.enc_history}

</#if>
${g.enc_case_intro} ${g.event_line}<#if fresh("act") gt 0> ${g.act}.</#if>

<#assign x = u("open")>
${g.enc_ask}: "${x.ask?cap_first}" ${g.enc_replied?cap_first} "${x.reply?cap_first}"

<#if fresh("think") gt 0>${g.think}. </#if>${g.enc_case_end}

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
<#assign x = u("why")>
${g.enc_debate}

${g.enc_ask_2}: "${x.ask?cap_first}" ${g.enc_replied?cap_first} "${x.reply?cap_first}"


</#if>
${g.enc_see_also}
