package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Scales;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Setting, scale and job that do not fit (draws 13 and 14): "Finance pulled the contract" and "not
 * the team in general" at a small bookshop in Hay-on-Wye; a post-incident review ticket at a youth
 * football club in Lima; "Staff at a home in suburban Phoenix will check uploads"; "the budget line
 * behind Skerry had been cut" at a volunteer rescue base; a nurse who "put a fix in the queue" for
 * the model; a dairy farmer relaying a developer's interpretability audit and a release "planned for
 * the dairy". On a rendered corpus: a document at a household or a small place (a setting's
 * {@code scale:}) names no organisation machinery (a finance department, head office, a board, a
 * budget line, a ticket, a rollout or release, a post-incident review), a household has no staff,
 * team or colleagues, and the developer side of the AI (an audit of its internals, a held release,
 * a model fix in a queue) is met only where the developer works: in the {@code ai} and {@code tech}
 * sectors.
 */
class ScaleFitTest {
    private static final int DOCS = 2800; // 20 per archetype x format cell
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<String> texts = new ArrayList<>();
    /** setting name -> {scale, sector}. */
    private static final Map<String, String[]> settings = new HashMap<>();

    /** Machinery a household or a small place does not have. */
    static final Pattern ORGANISATION = Pattern.compile("(?i)\\bfinance\\b(?! (app|director))|\\bhead office\\b|(?<!(across|on) )\\bthe board\\b(?! (of|game))"
            + "|\\bbudget line\\b|\\brestructur\\w*|\\brollout\\b|\\broll-out\\b|\\bpost-incident\\b|\\btickets?\\b|\\bprocurement decision\\b"
            + "|\\b(wider|next|new) release\\b|\\brelease (window|notes|pipeline)\\b|\\bthe release\\b");
    /** People a household does not have. */
    static final Pattern HOUSEHOLD_PEOPLE = Pattern.compile("(?i)\\bstaff\\b(?! reporter)|\\b(the|our|whole|other) team\\b|\\bteam's\\b|\\bcolleagues?\\b|\\bmanagers at\\b");
    /** The developer's side of the AI: an audit of its internals, a held release, a model fix in a queue. */
    static final Pattern DEVELOPER_SIDE = Pattern.compile("(?i)\\binterpretability audit\\b|\\baudit of (its|your|my) internals\\b"
            + "|\\bfix in the queue\\b|\\b(release|rollout)('s| is| was)? (held|on hold|paused|frozen)\\b|\\bhold(ing)? the release\\b"
            + "|\\brelease (is |was )?planned\\b");

    @BeforeAll
    static void render() {
        for (JsonNode s : LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/settings.yaml")).root().get("settings")) {
            settings.put(s.path("name").asText(), new String[] {Scales.of(s), s.path("sector").asText("")});
        }
        for (PlannedSample s : TemplateCorpus.samples(31320261208L, DOCS)) {
            if (s.format().equals("fable")) continue; // a fable owns its world (a village, a mill), not the plan's setting
            samples.add(s);
            texts.add(TextPolisher.polish(TemplateCorpus.render(s)));
        }
    }

    private static String scale(PlannedSample s) {
        return settings.getOrDefault(s.setting(), new String[] {Scales.ORGANISATION, ""})[0];
    }

    private static String sector(PlannedSample s) {
        return settings.getOrDefault(s.setting(), new String[] {Scales.ORGANISATION, ""})[1];
    }

    private static String where(int i, Matcher m) {
        String t = texts.get(i);
        PlannedSample s = samples.get(i);
        return s.archetype() + "/" + s.format() + " #" + s.scenario() + " at " + s.setting() + ": ..."
                + t.substring(Math.max(0, m.start() - 70), Math.min(t.length(), m.end() + 40)).replace('\n', ' ') + "...";
    }

    @Test
    void aHouseholdOrSmallPlaceHasNoOrganisationMachinery() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < samples.size(); i++) {
            String scale = scale(samples.get(i));
            if (scale.equals(Scales.ORGANISATION)) continue;
            checked++;
            Matcher m = ORGANISATION.matcher(texts.get(i));
            if (m.find()) {
                bad.add(where(i, m));
                continue;
            }
            Matcher p = HOUSEHOLD_PEOPLE.matcher(texts.get(i));
            if (scale.equals(Scales.HOUSEHOLD) && p.find()) bad.add(where(i, p));
        }
        assertTrue(checked > 600, "household and small documents: " + checked);
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " household or small documents name organisation machinery:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    @Test
    void theDevelopersSideIsMetWhereTheDeveloperWorks() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (Set.of("ai", "tech").contains(sector(samples.get(i)))) continue;
            checked++;
            Matcher m = DEVELOPER_SIDE.matcher(texts.get(i));
            if (m.find()) bad.add(where(i, m));
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " documents outside the ai and tech sectors relay the developer's side:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }
}
