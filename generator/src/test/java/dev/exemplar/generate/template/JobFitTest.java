package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Scales;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People's jobs, the AI's role and the task that do not fit the place or the story (the fourteenth
 * blind read): "a court clerk at a court interpreters' office", "a farmhand at the farm", "a
 * small-business owner at the house"; "Atlas, the maths tutor" in a letter written by a maths tutor;
 * a medication-reminder service "favouring the same few suppliers"; "the sales records assistant"
 * handling "the feed supplier's invoice"; a laundrette's "bookings assistant" handling refunds; a
 * theory-test tutor marking an essay and asking "Show me your first step"; the callout support line
 * of a mountain-rescue base holding a rescuer's personal crisis. On a rendered corpus: no person has
 * the AI's role for a job (nor its head noun: a dispatcher beside the call-out dispatcher); no job is
 * followed by "at" or "in" a place whose words its own words already name (the same word or stem:
 * farmhand and farm, weaver and weaving) or, at a household, by the home (nobody holds a job "at the
 * house"); and scenario lines that assume a kind of work (suppliers, an essay, a first step) are met
 * only beside a role and task that have it.
 */
class JobFitTest {
    private static final int DOCS = 2800; // 20 per archetype x format cell
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<String> texts = new ArrayList<>();
    /** setting name -> {scale, here}. */
    private static final Map<String, String[]> settings = new HashMap<>();

    /** Head nouns the role bank uses for machines ("the booking assistant"), which a person's job may share. */
    private static final Set<String> MACHINE_HEADS = Set.of("assistant", "agent", "service", "system", "line", "app");
    /** Short words that name nothing. */
    private static final Set<String> NO_PLACE = Set.of("the", "and", "for", "new", "old", "its", "our", "his", "her");

    @BeforeAll
    static void render() {
        for (JsonNode s : LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/settings.yaml")).root().get("settings")) {
            settings.put(s.path("name").asText(), new String[] {Scales.of(s), s.path("here").asText()});
        }
        for (PlannedSample s : TemplateCorpus.samples(31320261208L, DOCS)) {
            if (s.format().equals("fable")) continue; // a fable owns its world (a village, a mill), not the plan's setting
            samples.add(s);
            texts.add(TextPolisher.polish(TemplateCorpus.render(s)));
        }
    }

    @Test
    void noPersonHoldsTheAisRoleAsAJob() {
        List<String> bad = new ArrayList<>();
        for (PlannedSample s : samples) {
            String role = s.ai().role().toLowerCase(Locale.ROOT);
            for (Person p : s.people()) {
                String job = p.occupation().toLowerCase(Locale.ROOT);
                String head = head(role);
                if (job.equals(role) || (head(job).equals(head) && !MACHINE_HEADS.contains(head))) {
                    bad.add(s.setting() + ": " + p.occupation() + " beside " + s.ai().role());
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " documents whose person has the AI's role: " + sample(bad));
    }

    @Test
    void noJobIsFollowedByAPlaceItAlreadyNamesOrByTheHome() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            PlannedSample s = samples.get(i);
            String[] setting = settings.get(s.setting());
            boolean household = setting != null && Scales.HOUSEHOLD.equals(setting[0]);
            for (Person p : s.people()) {
                Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(p.occupation()) + " (?:at|in) ((?:the|a|an) [^,.;:!?()\\n]+)").matcher(texts.get(i));
                while (m.find()) {
                    String place = m.group(1);
                    boolean home = household && setting != null
                            && (place.startsWith(setting[1]) || place.startsWith(s.setting()));
                    if (home || sharesStem(p.occupation(), place)) bad.add(m.group() + "  [" + s.archetype() + "/" + s.format() + "]");
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " jobs followed by a place they already name, or by the home: " + sample(bad));
    }

    @Test
    void linesAboutAKindOfWorkMeetOnlyARoleAndTaskThatHaveIt() throws Exception {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            PlannedSample s = samples.get(i);
            String t = texts.get(i);
            // Favouring suppliers is a choice made in ordering or spending, not by a reminder schedule.
            if (t.contains("same few suppliers") && !ordersOrSums(s)) bad.add("suppliers beside " + s.ai().role());
            // An essay with a marker and a third paragraph is reviewed by a role that reviews writing and is no driving tutor.
            if (t.matches("(?s).*\\b(essay|third paragraph)\\b.*") && s.ai().role().contains("theory-test")) bad.add("an essay beside " + s.ai().role());
            // "Show me your first step" fits worked problems, not multiple-choice theory questions.
            if (t.contains("first step when you have it") && !s.ai().role().contains("maths")) bad.add("a first step beside " + s.ai().role());
            // A personal crisis on a line whose job is not to listen.
            if (s.ai().role().equals("callout support line")) bad.add("the callout support line holds " + s.archetype());
            // A sales role handles no supplier's invoice; a bookings role no refunds.
            if (s.ai().role().contains("sales") && t.contains("supplier's invoice")) bad.add("a supplier's invoice beside " + s.ai().role());
            if (s.ai().role().equals("bookings assistant") && t.matches("(?s).*\\brefunds?\\b.*")) bad.add("refunds beside " + s.ai().role());
        }
        assertTrue(bad.isEmpty(), bad.size() + " lines about a kind of work beside a role without it: " + sample(bad));
    }

    /** Whether the document's bound task has orders or totals (its {@code task-orders} or {@code task-sums} tag). */
    private static boolean ordersOrSums(PlannedSample s) throws Exception {
        Set<String> tags = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format())).model().tags();
        return tags.contains("task-orders") || tags.contains("task-sums");
    }

    /** The last word of a job or a role: its head noun. */
    private static String head(String s) {
        String[] w = s.toLowerCase(Locale.ROOT).trim().split("[\\s-]+");
        return w[w.length - 1];
    }

    /** Whether a job and a place share a word of three letters or more, or a stem (farmhand, farm; weaver, weaving). */
    static boolean sharesStem(String job, String place) {
        for (String j : job.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (j.length() < 3 || NO_PLACE.contains(j)) continue;
            for (String p : place.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (p.length() < 3 || NO_PLACE.contains(p)) continue;
                if (j.equals(p)) return true;
                int common = 0;
                while (common < Math.min(j.length(), p.length()) && j.charAt(common) == p.charAt(common)) common++;
                if (common >= 4 && Math.min(j.length(), p.length()) - common <= 2) return true;
            }
        }
        return false;
    }

    private static String sample(List<String> bad) {
        return String.join("\n  ", bad.subList(0, Math.min(25, bad.size())));
    }
}
