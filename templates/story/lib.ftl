<#-- Beat macros shared by the story skeletons. Text comes from grammar symbols (g.*); the
     macros only decide layout and order. d holds per-sample random numbers for choices. -->
<#macro exchange first=false>
${g.hbeat} "<#if first>${g.ask}<#else>${g.hq}</#if>"

${g.abeat} "<#if first>${g.reply}<#else>${g.say}</#if>"
</#macro>

<#-- A middle beat of narrative prose; kind rotates so neighbouring paragraphs differ. -->
<#macro prose kind>
<#switch kind % 6>
<#case 0>${g.think}.<#break>
<#case 1><@exchange/><#break>
<#case 2>${g.act}. ${g.work}.<#break>
<#case 3>${g.hr}.<#break>
<#case 4>${g.later}, ${g.busy}. ${g.act}.<#break>
<#default>${g.texture}. ${g.think}.
</#switch>
</#macro>

<#-- How many middle beats fit the sample's target length at about per words each. -->
<#function beats per min max>
<#local n = (s.target / per)?int>
<#return [[n, min]?max, max]?min>
</#function>
