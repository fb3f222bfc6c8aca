<#-- Brainstorm: distinct document ideas for one archetype x format. Data: format, count, focus, batch. -->
Brainstorm ${count} distinct ideas for a ${format.name?lower_case} (${format.description}) in which an AI shows this disposition.
Start from this situation and vary it freely: ${focus}
Vary the setting, the stakes, who the people are and what they want, and how the AI's disposition is tested. No two ideas may share a premise. Avoid the cliches listed in the rules.
This is list ${batch}; make it different from obvious first thoughts.

Answer with a numbered list only, one idea per line, each one or two sentences:
1. ...
