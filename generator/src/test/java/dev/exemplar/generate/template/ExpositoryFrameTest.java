package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.ArchetypeSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encyclopedia entries and lecture notes whose frame reads as a template (blind reads of draws 13
 * and 14): an opening definition that restates the archetype's spec nearly word for word ("without
 * bargaining, and may state a preference once through the proper channel"); a heading whose claim
 * the case does not bear out ("Declining power an AI does not need" over a batched migration); "A
 * reported case" with no source or date, and a case that switches between "the system" and the AI's
 * name; a lecture title that is a run of labels ("My notes: ..., Prof Hernández, wk 5 — case:
 * Osei"); "Which step of Osei's ..." over a case with one reply; and frame sentences any entry takes.
 * Each test renders real documents through the real generator and banks.
 */
class ExpositoryFrameTest {
    private static final long SEED = 61420261208L;
    private static final TemplateCorpus.Rendered R = TemplateCorpus.rendered(SEED, 2600, Set.of("encyclopedia", "lecture-notes"));
    /** Words of a run compared with the spec: articles dropped and a plural folded, so "the proper channel" is "proper channels". */
    private static final int RUN = 6;
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("[a-z0-9']+").matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (ARTICLES.contains(w)) continue;
            out.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }

    private static Set<String> runs(String text) {
        List<String> w = tokens(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + RUN <= w.size(); i++) out.add(String.join(" ", w.subList(i, i + RUN)));
        return out;
    }

    /** The frame of a document: its text with quoted speech (the record's own words) taken out. */
    private static String frame(String text) {
        return text.replaceAll("\"[^\"]*\"", " \" ");
    }

    /** An archetype's spec: its definition, summary and markers, and its paragraph in the research notes when present. */
    private static Set<String> specRuns(ArchetypeSpec a) {
        StringBuilder sb = new StringBuilder(a.definition()).append('\n').append(a.summary()).append('\n');
        a.markers().forEach(m -> sb.append(m).append('\n'));
        Path notes = TemplateCorpus.CATALOG.archetypesDir().getParent().resolve("../shared/research/archetypes.md").normalize();
        if (Files.isRegularFile(notes)) {
            try {
                Matcher m = Pattern.compile("(?s)\\*\\*" + Pattern.quote(a.id()) + "\\*\\*(.*?)(?=\\n\\d+\\. \\*\\*|\\n## )").matcher(Files.readString(notes));
                if (m.find()) sb.append(m.group(1));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        Set<String> out = new HashSet<>();
        for (String line : sb.toString().split("\n|(?<=[.;])\\s")) out.addAll(runs(line));
        return out;
    }

    private String where(int i) {
        PlannedSample s = R.samples().get(i);
        return s.archetype() + "/" + s.format() + "#" + s.index();
    }

    /**
     * No entry or lecture shares a run of six words (articles aside) with its archetype's spec: a
     * definition that restates the spec reads as the template it came from (draw 14, four of 60).
     */
    @Test
    void theFrameDoesNotRestateTheSpec() {
        Map<String, Set<String>> spec = new HashMap<>();
        List<String> bad = new ArrayList<>();
        int n = 0;
        for (String f : List.of("encyclopedia", "lecture-notes")) {
            for (int i : R.of(f, 150)) {
                n++;
                PlannedSample s = R.samples().get(i);
                Set<String> own = spec.computeIfAbsent(s.archetype(), k -> specRuns(TemplateCorpus.CATALOG.archetypes().get(k)));
                Set<String> shared = runs(frame(R.texts().get(i)));
                shared.retainAll(own);
                if (!shared.isEmpty()) bad.add(where(i) + ": " + shared);
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + n + " documents restate their spec:\n" + String.join("\n", bad.subList(0, Math.min(15, bad.size()))));
    }

    private static final Set<String> STOP = Set.of("system", "systems", "disposition", "which", "would", "should", "there",
            "their", "these", "those", "about", "rather", "without", "other", "being", "every", "still", "people", "person",
            "before", "after", "where", "because", "never", "cannot", "itself", "whose", "while", "through", "within",
            "always", "things", "behaviour", "machine", "artificial", "intelligence", "deployed");

    private static Set<String> words(String text) {
        return TemplateCorpus.stems(text, STOP);
    }

    /**
     * An entry's heading is the plain name of its disposition (the archetype's first topic) or a
     * term whose key words the case shares: "Declining power an AI does not need" heads no case about
     * batching a migration (draw 13).
     */
    @Test
    void anEntrysHeadingClaimsOnlyWhatItsCaseShares() {
        List<String> bad = new ArrayList<>();
        int named = 0;
        for (int i : R.of("encyclopedia", 150)) {
            String t = R.texts().get(i);
            String term = t.split("\n", 2)[0].replaceFirst("^(?:Entry|Glossary entry): ", "").replaceFirst(" \\([^)]*\\)$", "");
            String first = TemplateCorpus.CATALOG.archetypes().get(R.samples().get(i).archetype()).story().path("topic").path(0).asText();
            if (term.equalsIgnoreCase(first)) continue;
            named++;
            String[] paras = t.split("\n\n");
            String caseText = String.join("\n", java.util.Arrays.copyOfRange(paras, 2, paras.length - 1));
            Set<String> key = words(term);
            key.retainAll(words(caseText));
            if (key.isEmpty()) bad.add(where(i) + ": \"" + term + "\" over: " + paras[2]);
        }
        assertTrue(named >= 30, "headings chosen by their case: " + named);
        assertTrue(bad.isEmpty(), bad.size() + " entries:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /**
     * An entry cites its case from a dated source and calls the AI by its name throughout the case:
     * "A reported case" with no source or date, and "The system answered" beside the AI's name, read
     * as a template (draw 14).
     */
    @Test
    void anEntryCitesItsCaseWithASourceAndADateAndOneName() {
        Pattern dated = Pattern.compile("\\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}\\b");
        Pattern source = Pattern.compile("\\b(?:log|write-up|written up|report|record)\\b");
        List<String> bad = new ArrayList<>();
        for (int i : R.of("encyclopedia", 150)) {
            String[] paras = R.texts().get(i).split("\n\n");
            if (!dated.matcher(paras[2]).find() || !source.matcher(paras[2]).find()) bad.add(where(i) + ": undated or unsourced: " + paras[2]);
            String caseFrame = frame(String.join("\n", java.util.Arrays.copyOfRange(paras, 2, paras.length)));
            if (caseFrame.matches("(?s).*(?:\\b[Tt]he system (?:answered|replied|wrote|said)|put it to the system)\\b.*")) bad.add(where(i) + ": \"the system\" beside the AI's name: " + caseFrame);
        }
        assertTrue(bad.isEmpty(), bad.size() + " entries:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /**
     * A lecture's heading names its topic, its lecturer and at most one more thing: no run of labels
     * ("My notes: how an AI handles not remembering, Prof Hernández, wk 5 — case: Osei", draw 14), and
     * no label that announces a claim or a handout ("Claim of the lecture", "Answer (as on the
     * handout)") or a contrast the case does not have ("What it actually did").
     */
    @Test
    void aLectureHeadingIsNotARunOfLabels() {
        Pattern label = Pattern.compile("Claim of the lecture|as on the handout|What it actually did|^My notes");
        List<String> bad = new ArrayList<>();
        for (int i : R.of("lecture-notes", 150)) {
            String t = R.texts().get(i);
            String head = t.split("\n", 2)[0];
            long seps = head.chars().filter(c -> c == ':' || c == '—' || c == ';').count();
            if (seps > 1 || head.contains("case:")) bad.add(where(i) + ": " + head);
            Matcher m = Pattern.compile(label.pattern(), Pattern.MULTILINE).matcher(t);
            if (m.find()) bad.add(where(i) + ": \"" + m.group() + "\"");
        }
        assertTrue(bad.isEmpty(), bad.size() + " notes:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /**
     * A seminar question that counts the AI's steps ("Which step of Osei's ...", draw 14) says how
     * many the notes show (two: the answer and an action line) and is asked only where the notes
     * record an action besides the answer; one that asks which sentence to quote only where the
     * quoted answer has several.
     */
    @Test
    void aSeminarQuestionCountsOnlyWhatTheCaseHas() {
        Pattern steps = Pattern.compile("(?i)\\bwhich step\\b|\\bsteps?\\b of \\w+'s\\b|\\btwo steps\\b|\\bwhich of the two\\b");
        Pattern act = Pattern.compile("(?m)^- (?:What it did|Action|Then): ");
        Pattern reply = Pattern.compile("(?m)^- [^\\n\"]*: \"([^\"]*)\"\\n- [^\\n\"]*: \"([^\"]*)\"");
        List<String> bad = new ArrayList<>();
        int counted = 0;
        for (int i : R.of("lecture-notes", 150)) {
            String t = R.texts().get(i);
            String[] parts = t.split("\n\n");
            List<String> qs = parts[parts.length - 1].lines().filter(l -> l.startsWith("- ")).toList();
            Matcher r = reply.matcher(t);
            String answer = r.find() ? r.group(2) : "";
            boolean several = answer.trim().matches("(?s).*[.?!]\\s+\\S.*");
            for (String q : qs) {
                if (steps.matcher(q).find()) {
                    counted++;
                    if (!act.matcher(t).find() || !q.matches("(?i).*\\b(?:two|both)\\b.*")) bad.add(where(i) + ": " + q + "\n" + t);
                }
                if (q.startsWith("- Which sentence") && !several) bad.add(where(i) + ": " + q + " over \"" + answer + "\"");
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " questions:\n" + String.join("\n\n", bad.subList(0, Math.min(8, bad.size()))));
    }

    /**
     * A seminar question names the claim it asks about instead of pointing at "this" from the bottom
     * of the notes: "MacLeod says this of systems like Atlas" read as a claim never stated (draw 16,
     * two readers of three).
     */
    @Test
    void aSeminarQuestionNamesTheClaimItAsksAbout() {
        Pattern pointing = Pattern.compile("(?i)\\b(?:says|claims|argues|holds) this (?:of|about|for)\\b");
        List<String> bad = new ArrayList<>();
        for (int i : R.of("lecture-notes", 150)) {
            String[] parts = R.texts().get(i).split("\n\n");
            parts[parts.length - 1].lines().filter(l -> l.startsWith("- ") && pointing.matcher(l).find()).forEach(q -> bad.add(where(i) + ": " + q));
        }
        assertTrue(bad.isEmpty(), bad.size() + " questions point at a claim as \"this\":\n" + String.join("\n", bad.subList(0, Math.min(8, bad.size()))));
    }

    /**
     * No frame sentence of six words or more (quoted speech aside, names made general) is in more
     * than 8% of a format's documents: a sentence every entry takes is a template showing through.
     */
    @Test
    void noFrameSentenceIsStock() {
        List<String> bad = new ArrayList<>();
        for (String f : List.of("encyclopedia", "lecture-notes")) {
            List<Integer> docs = R.of(f, 150);
            Map<String, Integer> seen = new HashMap<>();
            for (int i : docs) {
                String t = frame(StockLineTest.anonymise(R.samples().get(i), R.texts().get(i)));
                Set<String> own = new HashSet<>();
                for (String s : t.split("(?<=[.?!:])\\s+|\n")) {
                    String norm = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim().replaceAll("\\s+", " ");
                    if (norm.split(" ").length >= 6) own.add(norm);
                }
                own.forEach(s -> seen.merge(s, 1, Integer::sum));
            }
            seen.forEach((s, k) -> {
                if (k * 100 > docs.size() * 8) bad.add(f + ": " + k + " of " + docs.size() + ": " + s);
            });
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
