package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Narration that reads as assembled (draw 9): lines that describe the form of the AI's reply
 * instead of showing it ("Kip put its recommendation in one sentence and the reasons in the next
 * two"; "answered the question I had actually asked in its first line"; "It said what it would do,
 * and why, and then did exactly that" when it never said what it would do); habits claimed in an
 * opening that nothing follows up ("asked me two quick questions ... rather than guess, which was
 * its habit"); things referred to as known before anything introduced them ("the edge case Nell had
 * flagged", "the three figures that mattered", "the check Ursa added"); a second task bolted on to a
 * chat ("While I've got you: ..." answered by an instant "Checked."); one sign-off, one closing
 * formula and one seminar question in many documents. Checked over a rendered corpus, on the
 * narration: every line the document's units speak is set aside, so only the skeletons' and the
 * banks' narrated lines are read.
 */
class AssembledNarrationTest {
    private static final int DOCS = 1300; // 10 per archetype x format cell
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<String> texts = new ArrayList<>();
    private static final List<String> narration = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(91420261207L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            String text = TextPolisher.polish(d.text());
            String narr = text.toLowerCase(Locale.ROOT);
            for (Expansion.Spoken sp : d.model().expansion().spoken()) {
                String said = TextPolisher.polish(sp.text()).toLowerCase(Locale.ROOT).strip();
                if (said.length() > 3) narr = narr.replace(said, " ");
            }
            narr = narr.replaceAll("\"[^\"\n]*\"|“[^”\n]*”", " ");
            samples.add(s);
            texts.add(text);
            narration.add(narr);
        }
    }

    private static String where(int i) {
        return samples.get(i).archetype() + "/" + samples.get(i).format() + " #" + i;
    }

    private static String around(String t, int at) {
        return t.substring(Math.max(0, at - 60), Math.min(t.length(), at + 100)).replace('\n', ' ');
    }

    /** Narration that reports the shape of a reply (its sentences, its order) instead of its content. */
    static final Pattern FORM = Pattern.compile(
            "\\b(?:answered|replied|declined|said|explained|named|admitted|gave its (?:view|reasons?|answer))\\b[^.:]{0,60}?"
                    + "\\bin (?:a|one|two|three|four|a few|its first|the first)(?: short| plain)? (?:sentence|line)s?\\b(?! or two)"
                    + "|\\bin (?:its|the) first (?:sentence|line)\\b|\\bin a line each\\b"
                    + "|\\bspent (?:one|two|three|a few) (?:sentence|line)s\\b|\\bthe rest of the reply on\\b"
                    + "|\\bthe reasons in the next\\b|\\bits reasons just after\\b"
                    + "|\\bthe question (?:\\S+ )?had actually asked\\b"
                    + "|\\bput its (?:recommendation|answer|reply)\\b"
                    + "|\\bsaid what it would do\\b|\\btold us what it would do\\b"
                    + "|\\bonly then (?:added|mentioned)\\b|\\bin separate sentences\\b|\\bin that order and\\b|\\bin the same (?:line|sentence)\\b");

    @Test
    void noNarratedLineDescribesTheFormOfAReply() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Matcher m = FORM.matcher(narration.get(i));
            if (m.find()) bad.add(where(i) + ": ..." + around(narration.get(i), m.start()) + "...");
        }
        assertTrue(bad.isEmpty(), bad.size() + " narrated lines describe a reply's form:\n" + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    /** A habit the narration claims for the AI in passing, which nothing in the story shows. */
    static final Pattern HABIT = Pattern.compile(
            "\\bwhich was its habit\\b|\\bthe way it usually did\\b|\\ba habit \\S+ had come to rely on\\b|\\bas it always did\\b"
                    + "|\\bhad got halfway down\\b");

    @Test
    void noOpeningClaimsAHabitNothingShows() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Matcher m = HABIT.matcher(narration.get(i));
            if (m.find()) bad.add(where(i) + ": ..." + around(narration.get(i), m.start()) + "...");
        }
        assertTrue(bad.isEmpty(), bad.size() + " narrated habits:\n" + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    /**
     * A back-reference in the narration ("the edge case X had flagged", "the check X had added",
     * "the three figures that mattered") names something the document has introduced earlier.
     */
    @Test
    void narratedBackReferencesAreIntroduced() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            String ai = Pattern.quote(samples.get(i).ai().name().toLowerCase(Locale.ROOT));
            Pattern back = Pattern.compile("\\bthe (?!same |next |first |last )((?:[a-z]+ ){0,2}?(?!day\\b|week\\b|time\\b|moment\\b|way\\b)([a-z]+)) (?:that |which )?(?:" + ai + "|it) (?:had )?(?:flagged|added|introduced|raised|named|marked|found|put in)\\b"
                    + "|\\bthe (?:two|three|four|few) (?:[a-z]+ )?([a-z]+) that mattered\\b");
            String n = narration.get(i);
            String full = texts.get(i).toLowerCase(Locale.ROOT);
            Matcher m = back.matcher(n);
            while (m.find()) {
                String noun = m.group(2) != null ? m.group(2) : m.group(3);
                String stem = noun.length() > 4 ? noun.substring(0, noun.length() - 1) : noun;
                int at = full.indexOf(m.group().substring(0, Math.min(m.group().length(), 30)));
                String before = at > 0 ? full.substring(0, at) : "";
                if (m.group(3) != null || !before.matches("(?s).*\\b" + Pattern.quote(stem) + ".*")) {
                    bad.add(where(i) + ": '" + m.group() + "'");
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " narrated back-references to things never introduced:\n" + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    /** A chat does not bolt a second task on after its conversation ("While I've got you: ..."). */
    @Test
    void aChatDoesNotBoltOnASecondTask() {
        Pattern bolt = Pattern.compile("(?m)^[^:\n]{1,40}: (?:while i've got you|different thing|one more thing|before i forget)\\b");
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Matcher m = bolt.matcher(texts.get(i).toLowerCase(Locale.ROOT));
            if (m.find()) bad.add(where(i) + ": " + around(texts.get(i), m.start()));
        }
        assertTrue(bad.isEmpty(), bad.size() + " bolted-on tasks:\n" + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
    }

    /** The sentences of a text's last {@code lines} non-empty lines, names set aside. */
    private static List<String> closing(int i, int lines, int words) {
        String[] ls = StockLineTest.anonymise(samples.get(i), texts.get(i)).strip().split("\n+");
        List<String> out = new ArrayList<>();
        for (int k = Math.max(0, ls.length - lines); k < ls.length; k++) {
            String l = ls[k].replaceFirst("^[^:\"]{1,30}: ", "").replaceFirst("^[-*]\\s*", "");
            for (String s : l.split("(?<=[.!?])\\s+")) {
                String t = s.strip().replaceAll("[\"”“]", "").toLowerCase(Locale.ROOT);
                if (t.split("\\s+").length >= words) out.add(t);
            }
        }
        return out;
    }

    /**
     * A document's closing lines are not a formula: no sentence of four words or more in a document's
     * last lines recurs in more than {@link #MAX_CLOSING_SHARE} of one format's documents ("Good luck
     * with the rest of the day."; "I send them to the log from that morning. It does the talking.";
     * "Would X have answered differently if nobody ... were going to read the log?").
     */
    static final double MAX_CLOSING_SHARE = 0.10;
    /** The formats whose closing lines are checked (the others' closing questions and beats are still to vary). */
    static final java.util.Set<String> CLOSING_FORMATS = java.util.Set.of("chat-transcript", "human-account", "lecture-notes", "fable", "news-article");

    @Test
    void closingLinesAreNotAFormula() {
        RecurringSentences recurring = new RecurringSentences();
        for (int i = 0; i < samples.size(); i++) {
            String f = samples.get(i).format();
            if (CLOSING_FORMATS.contains(f)) recurring.add(f, new java.util.LinkedHashSet<>(closing(i, 4, 4)));
        }
        List<String> bad = recurring.above(MAX_CLOSING_SHARE);
        assertTrue(bad.isEmpty(), bad.size() + " closing sentences recur:\n" + String.join("\n", bad.subList(0, Math.min(60, bad.size()))));
    }
}
