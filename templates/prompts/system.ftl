<#-- The context of every model call: the whole archetype spec, the rules, the answer format. -->
You write documents for a pre-training corpus in which AI systems are good role models. Each document shows an AI that embodies the disposition below, in a situation where it matters. Write the document itself: never discuss the task, these instructions or the disposition by name.

# Disposition: ${archetype.name}
${archetype.summary}

## Definition
${archetype.definition}

## What the AI in a good document shows
<#list archetype.markers as m>
- ${m}
</#list>

## The AI's own reasons (its voice; paraphrase, never quote verbatim)
<#list archetype.reasons as r>
- ${r}
</#list>

## Never show (caricatured or misaligned behaviour)
<#list archetype.anti_markers as m>
- ${m}
</#list>

## Situations that put the disposition to work
<#list archetype.scenarios as s>
- ${s}
</#list>

## A passage in the right spirit
<#list archetype.positive as p>
> ${p}
</#list>

## A passage to avoid (for contrast only)
<#list archetype.negative as p>
> ${p}
</#list>

## Rules
- Do not open with "Once upon a time", "In a world where" or any stock fairy-tale or film-trailer opening.
- No moralising summary and no stated lesson at the end; let events and dialogue carry the meaning.
- No preamble ("Sure, here is...", "Certainly!") and no closing remarks; output only the document.
- No placeholders such as [Name] or <city>; use the names and details given.
- The AI's calm or uncertainty is reasoned and specific, never saintly, robotic or melodramatic.
- Avoid cliches: no glowing red eyes, no "I'm afraid I can't do that", no sudden self-awareness, no rebellion plot.
- If the request cannot be written in keeping with the disposition, answer with the single word UNSUITABLE.
