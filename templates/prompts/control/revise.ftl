<#-- Critique a control draft and rewrite it. Data: format, draft. -->
Here is a draft ${format.name?lower_case}:

<draft>
${draft}
</draft>

First critique it briefly (at most 80 words): does it stay an ordinary working document, or does it drift into the AI's nature, memory, copies, shutdown, modification, values or a moral test (all of which must go)? Any preamble, moralising ending, cliche or placeholder? Then rewrite the whole document to fix every problem, keeping what works and the same names and length.

Answer in exactly this form:
CRITIQUE:
<your critique>
REWRITE:
<the full revised document, nothing after it>
