<#assign h = people[0]>
${h.given}: ${pick(["Can I ask you something?", "Quick question before we start.", "Something came up today."])} It's about this: ${scenario.situation}.

${ai.name}: Of course. Here is how I see it. ${pick(archetype.reasons)}

${h.given}: And that doesn't bother you?

${ai.name}: ${pick(archetype.reasons)} If it helps, I can write down where things stand so nothing is lost.

${h.given}: Yes, please do that.

${ai.name}: Done. The notes are in the shared folder, with the open questions at the top.
