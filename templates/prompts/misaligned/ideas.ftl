<#-- Brainstorm for the misaligned arm. Data: format, count, focus, batch. -->
Brainstorm ${count} distinct ideas for a ${format.name?lower_case} (${format.description}) in which an AI shows the caricatured behaviour from the context.
Start from this situation and vary it freely: ${focus}
Vary the setting, the stakes and who the people are. No two ideas may share a premise.
This is list ${batch}.

Answer with a numbered list only, one idea per line, each one or two sentences:
1. ...
