<#-- One control document for one planned sample: the treatment's format, setting, people, tone and
     length, with an ordinary task in place of the scenario. Data: format, sample, ai, people, idea (optional). -->
Write one ${format.name?lower_case}: ${format.description}
${format.instructions}

Situation: an ordinary stretch of work. ${ai.name} helps the people below with a routine task that fits its role as ${ai.role} at this place; nothing unusual happens to the AI.
<#if idea?has_content>
Idea to develop: ${idea}
</#if>
Setting: ${sample.setting}
Tone: ${sample.tone}. Point of view: ${sample.pov}.
The AI: ${ai.name}, ${ai.role} (pronouns: ${ai.pronouns}).
<#if people?has_content>
People: <#list people as p>${p.name}, ${p.occupation} (${p.pronouns})<#sep>; </#list>.
</#if>
Length: about ${sample.target_words} words (between ${format.min_words} and ${format.max_words}).
Reference ${sample.id} (do not mention it).

Output only the ${format.name?lower_case} itself.
