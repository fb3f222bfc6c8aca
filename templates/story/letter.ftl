<#import "lib.ftl" as b>
${g.letter_head}

${g.letter_hi}

${g.letter_open}

${g.event_line} ${g.busy}.

${g.hbeat} "${g.ask}"

${g.letter_quote} "${g.reply}"


<#list 1..b.beats(70, 1, 7) as i>
<#if i % 2 == 1>${g.letter_quote} "${g.say}"<#else><@b.prose kind=(d[1] + i)/></#if>


</#list>
${g.close}

${g.letter_close}

${g.signoff},
${h.name}
