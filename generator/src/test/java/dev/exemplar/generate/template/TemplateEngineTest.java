package dev.exemplar.generate.template;

import dev.exemplar.plan.AiCharacter;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Pronouns;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.text.WordCounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Correctness of the real engine over many seeds: every archetype in every format renders, and
 * every surface rule holds in every document.
 */
class TemplateEngineTest {
    private static final int DOCS = 2600; // 20 per archetype x format cell
    private static List<PlannedSample> samples;
    private static List<String> texts;

    @BeforeAll
    static void render() {
        samples = TemplateCorpus.samples(20260101L, DOCS);
        texts = new ArrayList<>(DOCS);
        for (PlannedSample s : samples) texts.add(TemplateCorpus.render(s));
    }

    /** Asserts that no document matches {@code p}, printing the first offenders with context. */
    private static void noneMatch(String rule, Pattern p) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < texts.size() && bad.size() < 5; i++) {
            Matcher m = p.matcher(texts.get(i));
            if (m.find()) {
                int a = Math.max(0, m.start() - 50), b = Math.min(texts.get(i).length(), m.end() + 50);
                bad.add(samples.get(i).archetype() + "/" + samples.get(i).format() + ": …" + texts.get(i).substring(a, b) + "…");
            }
        }
        if (!bad.isEmpty()) fail(rule + ":\n" + String.join("\n", bad));
    }

    @Test
    void everyArchetypeRendersInEveryFormat() {
        Set<String> cells = new HashSet<>();
        for (PlannedSample s : samples) cells.add(s.archetype() + "/" + s.format());
        assertEquals(TemplateCorpus.CATALOG.archetypes().size() * TemplateCorpus.CATALOG.formats().size(), cells.size());
    }

    @Test
    void noUnrenderedPlaceholdersOrNull() {
        noneMatch("unrendered grammar or template syntax", Pattern.compile("[{}|]|\\[[^\\]]*\\||\\$\\{|<#|</#|<@|\\bnull\\b"));
    }

    @Test
    void sentencesStartWithACapital() {
        // A screenplay's parenthetical ("(a beat)") is the one line that starts in lower case.
        noneMatch("lower-case sentence start", Pattern.compile("\\.[\"')]?\\s+\\p{Ll}|(?m)^[\"'*\\-\\s]*\\p{Ll}"));
    }

    @Test
    void articlesAgree() {
        Pattern art = Pattern.compile("\\b([Aa]n?)\\s+[\"'(]?([A-Za-z0-9][\\w'-]*)");
        for (int i = 0; i < texts.size(); i++) {
            Matcher m = art.matcher(texts.get(i));
            while (m.find()) {
                boolean an = m.group(1).length() == 2;
                if (an != Articles.wantsAn(m.group(2))) {
                    fail("article mismatch \"" + m.group() + "\" in " + samples.get(i).format());
                }
            }
        }
    }

    @Test
    void noDoubledSpacesOrPunctuation() {
        noneMatch("doubled space or punctuation",
                Pattern.compile("  |[ \\t]$|(?m)[ \\t]+$| [,.;:!?]|[,;:][,;:.!?]|(?<!\\.)\\.\\.(?!\\.)|[!?]\\.|\\.,"));
    }

    @Test
    void paragraphsAreSeparatedByOneBlankLine() {
        noneMatch("more than one blank line, or a whitespace-only line", Pattern.compile("\\n\\s*\\n\\s*\\n|\\n[ \\t]+\\n"));
        for (String t : texts) assertTrue(t.contains("\n\n"), "a document with a single paragraph: " + t);
    }

    @Test
    void documentsEndWithTerminalPunctuation() {
        // A letter ends with its writer's name under a sign-off ("Best wishes,\nAma"): no full stop.
        noneMatch("no terminal punctuation at the end", Pattern.compile("(?<!,\\n\\p{Lu}[\\p{L}' -]{0,40})[^.!?\"')]\\z"));
        noneMatch("a closing quote without punctuation before it at the end", Pattern.compile("[^.!?]\"\\z"));
    }

    @Test
    void diaryEntriesAfterTheFirstAreDatedAfterIt() {
        // A later entry is headed with its own date (a relative heading, "A month on", read as a
        // section of the first entry: draw 11), and that date falls after the entry before it.
        Pattern date = Pattern.compile("(?m)^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w*,? \\d|\\d+ (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\w* 20)");
        int diaries = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (!samples.get(i).format().equals("diary")) continue;
            diaries++;
            Matcher m = date.matcher(texts.get(i));
            assertTrue(m.find() && m.start() == 0, "a diary opens with a date: " + texts.get(i).substring(0, 60));
            String[] ps = texts.get(i).split("\n\n");
            long prev = 0;
            for (int k = 1; k < ps.length; k++) {
                if (!DiaryHeadings.isHeading(ps[k])) continue;
                long days = DiaryHeadings.daysAfter(ps[0], ps[k]);
                assertTrue(days > prev, "a later diary entry dated no later than the one before it: " + texts.get(i));
                prev = days;
            }
        }
        assertTrue(diaries >= 100, "diaries rendered: " + diaries);
    }

    @Test
    void lengthsStayInsideEachFormatsBand() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            FormatSpec f = TemplateCorpus.CATALOG.formats().get(samples.get(i).format());
            int w = WordCounter.count(texts.get(i));
            if (w < Math.max(120, f.minWords()) || w > Math.min(1200, f.maxWords())) bad.add(f.id() + ": " + w + " words");
        }
        assertTrue(bad.size() <= texts.size() / 100, "more than 1% of documents outside their band: " + bad);
    }

    @Test
    void sameSampleSameText() {
        for (int i = 0; i < 50; i++) assertEquals(texts.get(i), TemplateCorpus.render(samples.get(i)));
    }

    /**
     * Characters get invented pronoun sets, so any hard-coded "he", "she", "his"... in a template or
     * bank shows up, and so does wrong verb agreement ("xe were", "xi was").
     */
    @Test
    void pronounsAgreeForEveryCharacter() {
        Pronouns xe = new Pronouns("xe", "xe", "xem", "xyr", "xyrs", "xemself", false);
        Pronouns xi = new Pronouns("xi", "xi", "xir", "xirs", "xirsx", "xirself", true);
        Pattern gendered = Pattern.compile("\\b(he|she|him|his|her|hers|himself|herself)\\b", Pattern.CASE_INSENSITIVE);
        Pattern badAgreement = Pattern.compile("\\bxe (were|are|have|do)\\b|\\bxi (was|is|has|does)\\b", Pattern.CASE_INSENSITIVE);
        Set<String> problems = new TreeSet<>();
        int n = 0;
        for (PlannedSample s : TemplateCorpus.samples(99L, 1300)) {
            Person h = new Person("Ama Mensah", "Ama", "Mensah", xe, s.people().get(0).occupation());
            Person p = new Person("Kofi Owusu", "Kofi", "Owusu", xi, s.people().get(1).occupation());
            PlannedSample t = new PlannedSample(s.index(), s.id(), s.seed(), s.archetype(), s.format(), s.generator(),
                    s.scenario(), s.crisis(), s.setting(), s.tone(), s.pov(), s.targetWords(),
                    new AiCharacter("Wren", s.ai().role(), s.ai().pronouns()), List.of(h, p));
            String text = TemplateCorpus.render(t);
            n++;
            Matcher g = gendered.matcher(text);
            if (g.find()) problems.add(s.format() + "/" + s.archetype() + ": \"" + around(text, g) + "\"");
            Matcher b = badAgreement.matcher(text);
            if (b.find()) problems.add(s.format() + "/" + s.archetype() + ": \"" + around(text, b) + "\"");
        }
        assertTrue(n > 1000);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // And the sentinel pronouns really are used, so the test is not vacuous.
        String sample = TemplateCorpus.render(TemplateCorpus.samples(99L, 1).get(0));
        assertTrue(sample.length() > 0);
    }

    /** The story content calls the AI "it"; the banks must not give an AI other pronouns. */
    @Test
    void aiCharactersAreIt() {
        for (PlannedSample s : samples) assertEquals("it", s.ai().pronouns().key(), s.ai().name());
    }

    private static String around(String text, Matcher m) {
        return text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)).replace('\n', ' ');
    }

    /** Document variables every rule may use: characters' fields, the place, the task and the world. */
    private static final Set<String> VARIABLES = Set.of("place", "tone", "date", "date_plain", "date_short", "weekday",
            "month", "year", "daypart", "clock", "end_clock", "period");

    private static boolean isVariable(String ref) {
        int dot = ref.indexOf('.');
        String base = dot < 0 ? ref : ref.substring(0, dot);
        if (Set.of("A", "H", "P", "R").contains(base)) return true;
        if (base.equals("task") || base.equals("task2")) return true;
        return VARIABLES.contains(ref);
    }

    /**
     * Every symbol any rule refers to is defined for every archetype and scenario, whatever the
     * setting: by a variable, by the enclosing unit's fields, or by one of the document's layers.
     */
    @Test
    void everyReferenceResolves() {
        StoryLibrary lib = TemplateCorpus.GENERATOR.library();
        Set<String> missing = new TreeSet<>();
        for (var e : TemplateCorpus.CATALOG.archetypes().entrySet()) {
            for (int sc = 0; sc < e.getValue().scenarios().size(); sc++) {
                if (e.getValue().scenarios().get(sc).eval()) continue; // held out: never rendered
                for (String setting : lib.settings().keySet()) {
                    List<Grammar> layers = lib.layers(e.getKey(), sc, setting);
                    Set<String> tags = new HashSet<>(e.getValue().scenarios().get(sc).tags());
                    for (Grammar g : layers) check(g, layers, List.of(), tags, e.getKey() + " scenario " + sc, missing);
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", new ArrayList<>(missing).subList(0, Math.min(20, missing.size()))));
    }

    /** Tags a document may have whatever its scenario: its world, presence and format. */
    private static final Set<String> DOCUMENT_TAGS = new HashSet<>();
    static {
        DOCUMENT_TAGS.addAll(StoryLibrary.WORLD_TAGS);
        DOCUMENT_TAGS.addAll(StoryLibrary.PRESENCES);
        DOCUMENT_TAGS.addAll(TemplateCorpus.CATALOG.formats().keySet());
    }

    /** False when a unit's condition needs a scenario tag this scenario lacks, or forbids one it has: never drawn here. */
    private static boolean possible(Cond c, Set<String> scenarioTags) {
        for (String t : c.need()) if (!scenarioTags.contains(t) && !DOCUMENT_TAGS.contains(t)) return false;
        for (String t : c.not()) if (scenarioTags.contains(t)) return false;
        return true;
    }

    private static void check(Grammar g, List<Grammar> layers, List<Grammar> scopes, Set<String> tags, String where, Set<String> missing) {
        for (String ref : g.symbolReferences(c -> possible(c, tags))) {
            if (isVariable(ref) || g.symbol(ref) != null) continue;
            if (scopes.stream().anyMatch(s -> s.symbol(ref) != null) || layers.stream().anyMatch(l -> l.symbol(ref) != null)) continue;
            missing.add(where + ": {" + ref + "}");
        }
        for (Grammar.Unit u : g.allUnits()) {
            if (!possible(u.when(), tags)) continue;
            List<Grammar> inner = new ArrayList<>(scopes);
            inner.add(0, u.fields());
            check(u.fields(), layers, inner, tags, where + " " + u.id(), missing);
        }
    }

    @Test
    void charactersFieldsAreAllKnown() {
        StoryLibrary lib = TemplateCorpus.GENERATOR.library();
        Set<String> fields = new HashSet<>(StoryModel.PRONOUN_FIELDS);
        fields.addAll(List.of("name", "full", "family", "job", "role", "a", "pos"));
        List<String> bad = new ArrayList<>();
        List<Grammar> all = new ArrayList<>();
        all.add(lib.shared());
        all.addAll(lib.archetypes().values());
        lib.scenarios().values().forEach(all::addAll);
        lib.settings().values().forEach(all::add);
        for (Grammar g : all) {
            for (String ref : g.references()) {
                int dot = ref.indexOf('.');
                if (dot > 0 && Set.of("A", "H", "P", "R").contains(ref.substring(0, dot))
                        && !fields.contains(Modifiers.base(ref).substring(dot + 1))) {
                    bad.add(ref);
                }
            }
        }
        assertTrue(bad.isEmpty(), "unknown character fields: " + bad);
    }
}
