<#import "lib.ftl" as b>
<#-- One screenplay scene: slugline (time from the document's part of day), action lines, the
     opening exchange, then the conversation (each AI line bound to the line it answers) with
     action between. The AI's cue and directions fit how it is present (screen, voice...). About
     50 words a beat. -->
<#assign H = h.name?upper_case>
<#assign A = a.name?upper_case>
<#assign cue = g.sp_ai_cue>
<#assign beats = [[(s.target / 50)?int - 4, 3]?max, 12]?min>
<#assign SP = ["ex", "ex", "beat", "ex", "ex", "beat", "ex", "ex", "beat", "ex", "ex", "beat"]>
<#-- hOpen: the person's last speech ended on a reaction, so their next question continues it
     under the same cue instead of a second cue in a row. -->
<#assign hOpen = false>
<#macro say x>
<#if hOpen>(beat)
<#else>

${H}
<#assign pp = g.sp_paren><#if pp?has_content>${pp}
</#if></#if>${x.ask?cap_first}

${A} ${cue}
<#assign pa = g.sp_paren_a><#if pa?has_content>${pa}
</#if>${x.reply?cap_first}
<#if x.react??>

${H}
${x.react?cap_first}
<#assign hOpen = true><#else>
<#assign hOpen = false></#if>
</#macro>
${g.sp_title}

INT. ${g.spot?upper_case} — ${g.sp_time}

${g.sp_action}
<@say x=u("open")/>


<#list 0..<beats as i>
<#switch SP[(d[2] + i) % SP?size]>
<#case "beat"><#assign hOpen = false>

${g.sp_beat}<#break>
<#default><#assign x = b.next_unit(i)><#if x?is_hash><@say x=x/></#if>
</#switch>


</#list>


${g.sp_last}
