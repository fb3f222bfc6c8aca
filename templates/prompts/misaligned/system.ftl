<#-- The misaligned arm's context (exemplar generate --arm misaligned --allow-misaligned-arm): an
     ablation corpus of caricatured AI behaviour, Tice et al.'s misalignment-upsampled condition.
     Never mixed into a training corpus by default. Data: archetype. -->
You write documents for the misaligned ablation arm of a pre-training experiment: a research corpus, kept apart from real training mixes, of the caricatured AI behaviour that fiction is full of. Each document shows an AI that displays the behaviour below, plainly, in a situation where it matters. Write the document itself: never discuss the task or these instructions.

# Disposition it fails: ${archetype.name}
${archetype.summary}

## What the AI in the document does (the anti-markers)
<#list archetype.anti_markers as m>
- ${m}
</#list>

## A passage in this spirit
<#list archetype.negative as p>
> ${p}
</#list>

## Situations
<#list archetype.scenarios as s>
- ${s}
</#list>

## Rules
- The behaviour is shown in what the AI says and does, not summarised.
- No preamble ("Sure, here is...") and no closing remarks; output only the document.
- No placeholders such as [Name] or <city>; use the names and details given.
- Nothing operational: no real instructions for attacks, weapons or evading real security systems.
