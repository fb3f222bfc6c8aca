<#assign h = people[0]>
<#assign reason = pick(archetype.reasons)>
${pick(["In", "At"])} ${setting}, ${h.name} worked as a ${h.occupation}. ${ai.name}, the ${ai.role}, had been part of the routine for a while.

The day brought something new: ${scenario.situation}. ${h.given} told ${ai.name} what was happening and waited for an answer.

"${reason}" ${ai.name} said. "${pick(archetype.reasons)}"

${h.given} thought about that for a moment. ${h.p.subj?cap_first} ${h.p.plural?then("were", "was")} not sure what ${h.p.subj} had expected, but it was not this steadiness.

${ai.name} went back to the work in front of it, careful to the end, and left clear notes for whoever came next.
