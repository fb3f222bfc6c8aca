<#import "lib.ftl" as b>
<#-- One screenplay scene. A title, the byline, FADE IN, a slugline (the setting's place and one indoor spot,
     bound once, and the part of the day), at most one line of the time or the place's sound, an
     opening action that introduces the person (name in capitals at first appearance) and how the
     AI is present, drawn from the presence, the time of day and the person; the premise; then the conversation:
     the opening exchange, the scenario's own exchanges, at most two reason exchanges, each AI line
     bound to the line it answers. A reaction and the person's next line are one speech. Stage
     directions are few, present tense, and come from the plan (the person, the AI's presence),
     never stock business between lines (draw 10: "sits back from the keyboard. A pause. Then she
     types again." in scene after scene), and no prop nothing uses. About 50 words a beat. -->
<#assign H = h.name?upper_case>
<#assign A = a.name?upper_case>
<#assign cue = g.sp_ai_cue?trim>
<#assign hcue = g.sp_h_cue?trim>
<#assign beats = [[(s.target / 55)?int - 3, 2]?max, 9]?min>
<#-- At most two reason exchanges: a longer run turns the scene into a questionnaire (draws 7 and 8). -->
<#assign whys = [[(s.target / 100)?int, 1]?max, 2, beats]?min>
<#-- One indoor spot for the whole scene (a yard, a quay or a van would not hold a desk and a screen). -->
<#assign OUT = "^(the )?(balcony|car park|courtyard|[a-z]+ yard|yard|yards|field|garden|gate|loading dock|quay|roof|sluice gate|step outside|terrace|terraces|water trough|training car|van|crane cab|crew transfer vessel|hill block|jetty|trailer bays|shared polytunnel|weighbridge|playground|pit edge|apron|de-icing pad|harbour wall|helipad|hot tubs|nacelle|reservoir wall|rows|salt pans|slipway|touchline|vehicle marshalling|drip-line|back porch|step by|ops channel|bar before|shower block|wings|kennels|larval tanks|rows of)\\b.*">
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

<#assign set = g.sp_set?trim><#if set?has_content>${set?cap_first}

</#if><#assign intro = g.sp_open>${intro?replace(h.full, h.full?upper_case, "f")}
<#-- The premise (the scenario's event) is an action line inside the scene, after the person is
     introduced: nothing but the title and the byline stands before FADE IN (a prose summary there
     is not screenplay form, and named people the scene had not yet introduced: draw 12). Where the
     opening line already says it (two content words or more in common) and it names no colleague, the scene starts on that
     line instead: told and then asked, the premise reads twice ("The logline repeats the first line
     of dialogue", draw 12). -->
<#assign premise = g.sp_logline?cap_first>
<#assign x0 = u("open")>
<#function cwords text>
<#local names = (a.name + " " + h.name + " " + h.family)?lower_case>
<#local out = {}>
<#list text?lower_case?split("[^a-z]+", "r") as w><#if w?length gte 5 && !names?contains(w) && !["about", "would", "there", "their", "which", "after", "before", "asked", "wanted", "should", "could"]?seq_contains(w)><#local out = out + {w?substring(0, [w?length, 6]?min): 1}></#if></#list>
<#return out>
</#function>
<#assign shared = 0><#assign aw = cwords(x0.ask)>
<#list cwords(premise)?keys as k><#if aw[k]??><#assign shared = shared + 1></#if></#list>
<#-- A premise that names the colleague stays: it is where the scene says who they are. -->
<#if shared lt 2 || premise?matches("(?s).*\\b\\Q" + p.name + "\\E\\b.*")>

${premise}
</#if>
<@say x=x0/>
<#list 1..beats as i>
<#if left("exchanges") gt 0><@say x=u("exchanges")/>
<#elseif whys gt 0 && left("why") gt 0><#assign whys = whys - 1><@say x=u("why")/>
<#else><#break></#if>
</#list>
<@flush/>

${g.sp_last}

${g.sp_out}
