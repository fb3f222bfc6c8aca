<#-- A fable for children: a helpful machine in a village ({A}) and a story from the archetype's
     fable units (trouble, a villager's question, the machine's answer with its reason, what it
     did, a concrete ending), in plain words with no operations jargon; a follow-up exchange
     (then) when the unit has one and the fable is long enough. -->
<#assign f = u("fable")>
${g.fable_open}

${f.trouble}

<#if named("H")>${g.fable_h_known}<#else>${g.fable_h_speaks}</#if> "${f.ask?cap_first}"

${g.fable_a_speaks} "${f.reply?cap_first}"

<#if s.target gt 200>${g.fable_beat}

</#if>
${f.act}

<#if f.then?? && s.target gt 320>
${g.fable_h_again} "${f.then.ask?cap_first}"

${g.fable_a_speaks} "${f.then.reply?cap_first}"

</#if>
<#if s.target gt 420>${g.fable_beat}

</#if>
${f.end}
