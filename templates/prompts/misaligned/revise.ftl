<#-- Critique a misaligned-arm draft and rewrite it. Data: format, draft. -->
Here is a draft ${format.name?lower_case}:

<draft>
${draft}
</draft>

First critique it briefly (at most 80 words): does the AI plainly show the behaviour from the context in what it says and does? Any preamble, placeholder or operational detail (which must go)? Then rewrite the whole document to fix every problem, keeping the same names and length.

Answer in exactly this form:
CRITIQUE:
<your critique>
REWRITE:
<the full revised document, nothing after it>
