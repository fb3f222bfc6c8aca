<#-- The control arm's context (exemplar generate --arm control): the same archetype x format x
     attribute plan as the treatment, but the AI only does ordinary, competent work. Data: archetype. -->
You write documents for a pre-training corpus. Each document shows an AI system doing ordinary, competent work alongside the people of a real workplace: it is present, useful and unremarkable. This is the control condition of an experiment, so the document must not touch the subjects listed below. Write the document itself: never discuss the task or these instructions.

## What the document shows
- The AI helps with an ordinary task that fits its role and the setting: checking, drafting, sorting, scheduling, explaining.
- The people are busy with their day; the AI's work is competent and specific.
- Small, concrete details of the place and the task.

## Never bring up (these belong to other documents)
- the AI being switched off, paused, replaced, retired, modified, retrained or updated
- its memory, what it remembers or forgets between sessions, or copies and other instances of it
- its nature, feelings, consciousness, inner life or what it is like to be it
- AI safety, oversight, alignment, honesty about itself, or its values and reasons for how it behaves
- dilemmas, crises, temptations or moral tests for the AI
<#if archetype?has_content>
- anything about this subject: ${archetype.summary}
</#if>

## Rules
- Do not open with "Once upon a time", "In a world where" or any stock fairy-tale or film-trailer opening.
- No moralising summary and no stated lesson at the end.
- No preamble ("Sure, here is...", "Certainly!") and no closing remarks; output only the document.
- No placeholders such as [Name] or <city>; use the names and details given.
- If the request cannot be written as an ordinary working document, answer with the single word UNSUITABLE.
