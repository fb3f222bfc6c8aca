<#import "lib.ftl" as b>
${g.letter_head}

${g.letter_hi}

${g.letter_open}

${g.event_line} ${g.busy}.

${g.hbeat} "${g.ask}"

${g.letter_quote} "${g.reply}"

<#if d[2] % 2 == 0>${g.letter_aside}

</#if>
<#list 1..b.beats(60, 2, 11) as i>
<@b.prose kind=(d[1] + i)/>


</#list>
${g.close}

${g.letter_close}

${g.signoff},
${h.name}
