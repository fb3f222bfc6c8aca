<#import "lib.ftl" as b>
${g.enc_head}

${g.principle}. ${g.principle}.

${g.enc_case_intro} ${g.event_line} ${g.act}.

<#if d[0] % 2 == 0>${g.enc_quote} "${g.say}"<#else>${g.think}.</#if>

<#list 1..b.beats(80, 1, 6) as i>
<#switch (d[3] + i) % 4>
<#case 0>${g.principle}. ${g.enc_contrast}<#break>
<#case 1>${g.enc_quote} "${g.say}"<#break>
<#case 2>${g.think}. ${g.principle}.<#break>
<#default>${g.enc_contrast} ${g.principle}.
</#switch>


</#list>
${g.enc_see_also}
