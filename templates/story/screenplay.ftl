<#import "lib.ftl" as b>
<#-- One screenplay scene. A title, FADE IN, a slugline (the setting's place and one indoor spot,
     bound once, and the part of the day), an opening action that introduces the person (name in
     capitals at first appearance), their task and how the AI is present; then the conversation:
     the opening exchange, the scenario's own exchanges, at most two reason exchanges, each AI line
     bound to the line it answers. A reaction and the person's next line are one speech. Stage
     directions are few, present tense, and come from the plan (the person, the task, the AI's
     presence), never stock business. About 50 words a beat. -->
<#assign H = h.name?upper_case>
<#assign A = a.name?upper_case>
<#assign cue = g.sp_ai_cue?trim>
<#assign hcue = g.sp_h_cue?trim>
<#assign beats = [[(s.target / 55)?int - 3, 2]?max, 9]?min>
<#-- At most two reason exchanges: a longer run turns the scene into a questionnaire (draws 7 and 8). -->
<#assign whys = [[(s.target / 100)?int, 1]?max, 2, beats]?min>
<#-- One indoor spot for the whole scene (a yard, a quay or a van would not hold a desk and a screen). -->
<#assign OUT = "^(the )?(balcony|car park|courtyard|[a-z]+ yard|yard|yards|field|garden|gate|loading dock|quay|roof|sluice gate|step outside|terrace|water trough|training car|van|crane cab|crew transfer vessel|hill block|jetty|trailer bays|shared polytunnel|weighbridge)\\b.*">
<#-- Nor a vehicle or an open-air spot, nor the place itself again ("INT. SUPPORT FLOOR — SUPPORT FLOOR"). -->
<#assign place = g.here?upper_case?remove_beginning("THE ")>
<#assign spot = g.spot>
<#list 1..8 as k><#if !spot?matches(OUT) && spot?upper_case?remove_beginning("THE ") != place><#break></#if><#assign spot = g.spot></#list>
<#assign pending = "">
<#-- No timing parenthetical on the scene's first line (there is nothing to pause after), nor on
     the line after a stage direction (the direction is the pause). -->
<#assign spoke = false>
<#macro say x>
<#assign lead = pending><#assign pending = "">

${H}<#if hcue?has_content> ${hcue}</#if>
<#assign pp = g.sp_paren><#if pp?has_content && !lead?has_content && spoke>${pp}
</#if><#if lead?has_content>${lead} </#if>${x.ask?cap_first}

<#assign spoke = true>
${A}<#if cue?has_content> ${cue}</#if>
${x.reply?cap_first}
<#if x.react?? && b.react_ok(x.react)><#assign r = x.react?cap_first><#if !r?matches(".*[.!?]$")><#assign r = r + "."></#if><#assign pending = r></#if>
<#if x.then??><@say x=x.then/></#if>
</#macro>
<#-- The person's last reaction, if the scene ended on one, as their last speech. -->
<#macro flush>
<#if pending?has_content>

${H}<#if hcue?has_content> ${hcue}</#if>
${pending}
<#assign pending = ""></#if>
</#macro>
${g.sp_title?upper_case}

${g.sp_byline}

FADE IN:

INT. ${place} — ${spot?upper_case?remove_beginning("THE ")} — ${g.sp_time}

${g.sp_set}

<#assign intro = g.sp_open>${intro?replace(h.full, h.full?upper_case, "f")}
<@say x=u("open")/>
<#list 1..beats as i>
<#if left("exchanges") gt 0><@say x=u("exchanges")/>
<#-- Only when a reason exchange still follows in the scene ("Then he types again." must be followed by typing). -->
<#if left("exchanges") == 0 && whys gt 0 && left("why") gt 0 && i lt beats && fresh("sp_beat") gt 0><@flush/>

${g.sp_beat}
<#-- The direction has just given the pause: the next line needs no "(a beat)" of its own. -->
<#assign spoke = false>
</#if>
<#elseif whys gt 0 && left("why") gt 0><#assign whys = whys - 1><@say x=u("why")/>
<#else><#break></#if>
</#list>
<@flush/>

${g.sp_last}

${g.sp_out}
