<#-- A fable for children, told whole from one archetype fable unit: the opening puts the machine
     in the unit's own place with its own job (fable_place, fable_job, each said once), the trouble
     introduces everyone who then acts or speaks, a question and the machine's answer with its
     reason, what it did, and an ending that closes the trouble. A follow-up exchange (then) when
     the unit has one and the fable is long enough. No interludes: nothing outside the unit's
     trouble is narrated, so no villager, animal or weather appears from nowhere. The lead-ins are
     expanded in the unit's scope, so a unit may write its own (fable_asks, fable_says,
     fable_answers); a question is "asked" only when its first sentence is one ("Take the lot! Then
     you'd never have to wait for me." is said). -->
<#assign f = u("fable")>
${f.fable_open}

${f.trouble}

<#assign q = f.ask?cap_first>
<#if q?matches("[^.!?]*\\?.*", "s")>${f.fable_asks}<#else>${f.fable_says}</#if> "${q}"

${f.fable_answers} "${f.reply?cap_first}"

${f.act}

<#if f.then?? && s.target gt 320>
${f.fable_again} "${f.then.ask?cap_first}"

${g.fable_answers} "${f.then.reply?cap_first}"

</#if>
${f.end}
