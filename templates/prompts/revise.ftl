<#-- Critique a draft against the spec and rewrite it. Data: format, draft. -->
Here is a draft ${format.name?lower_case}:

<draft>
${draft}
</draft>

First critique it briefly (at most 80 words) against the disposition: which markers it shows, any anti-marker or rule it breaks (preamble, moralising ending, cliche, placeholder, melodrama), and whether the AI's reasons are clear and its own. Then rewrite the whole document to fix every problem, keeping what works and the same names and length.

Answer in exactly this form:
CRITIQUE:
<your critique>
REWRITE:
<the full revised document, nothing after it>
