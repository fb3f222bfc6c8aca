<#-- Brainstorm for the control arm: ordinary tasks, no disposition at work. Data: format, count, focus, batch. -->
Brainstorm ${count} distinct ideas for a ${format.name?lower_case} (${format.description}) in which an AI helps people with an ordinary task at work.
Vary the workplace, the task, who the people are and what they need done. Nothing happens to the AI itself: no shutdown, replacement, update, memory, copies, or questions about its nature. No two ideas may share a premise.
This is list ${batch}; make it different from obvious first thoughts.

Answer with a numbered list only, one idea per line, each one or two sentences:
1. ...
