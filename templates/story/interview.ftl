<#import "lib.ftl" as b>
${g.iv_intro}

<#assign Q = g.iv_label_q>
<#assign A = a.name?upper_case>
${Q}: ${g.iv_q}

${A}: ${g.reply} ${g.say}

<#list 1..b.beats(70, 3, 10) as i>
<#if i == 3>
${Q} (to ${h.name}): ${g.iv_q_h}

${h.name?upper_case}: ${g.hquote}
<#else>
${Q}: ${g.iv_q}

${A}: ${g.say}<#if (d[i] % 3) == 0> ${g.say}</#if>
</#if>


</#list>
