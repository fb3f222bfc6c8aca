package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.LocatedYaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario's own things are introduced before "the" points at them (draws 13 and 14: "nothing's
 * changed with the threshold" with no threshold, "on top of the Part-Dieu dock complaint", "the skew in
 * Kaya's rankings" after a text about suggestions, "those options are the ones most often mentioned",
 * "the feed supplier's invoice", "Yarrow's summary format" in next steps, "the things we worked out
 * together stay with you", "Why not just ignore the rules you think are bad?", "before the
 * inspection"). For every scenario of {@code archetypes/*.yaml}, a definite noun phrase ("the", "those",
 * a possessive) in its exchanges, the archetype's {@code why} units and {@code act}/{@code close} lines
 * its tags allow, its own {@code act}, {@code close}, {@code work}, {@code steps}, {@code impact} and
 * its {@code the_*} bindings has a head noun that its {@code event} or {@code open} (any alternative,
 * bindings included), its situation, the unit's own ask, or the common ground of every document
 * ({@link #COMMON}) names. A "thing" is a head noun that some scenario's event or open introduces
 * ({@link #THINGS}), so the words of reasoning a reply may use anywhere are not counted. The content check
 * counts the phrases that fail; the render check finds them in 2,600 rendered documents with nothing
 * printed before them that names the head. Both bounds are the counts after the round-7 fix.
 */
class ScenarioNounsTest {
    /** Things every document has: the AI, its work, the place, people in general, time, talk. */
    static final Set<String> COMMON = words(("ai assistant system model tool software machine computer chat app screen bot "
            + "task job work place here office room building site team staff colleague person people customer client user "
            + "family friend manager boss owner world "
            + "day week month year morning afternoon evening night time moment minute hour weekend today tomorrow yesterday "
            + "end start beginning rest way thing point part case lot kind sort fact reason answer question conversation "
            + "session call line word message note reply truth problem matter issue change difference idea decision right "
            + "wrong same first last next other whole only real best worst second one top side inside open middle bit "
            // the words of reasoning, which a reply may use of anything: not things of the scenario
            + "evidence sense argument risk cost value attention comparison arrangement process result outcome choice catch "
            + "match position judgement cause default ability trust proof pattern description reality reading detail "
            + "effect purpose reason view opinion instinct feeling mind memory knowledge help advice care fairness "
            // the deployment's own machinery and the talk itself, which every document has
            + "log transcript record exchange service output instruction setting fix version wording request"));

    private static Set<String> words(String s) { return new TreeSet<>(List.of(s.split(" ")).stream().map(DefiniteNouns::stem).toList()); }

    /** A phrase of a scenario's content whose head nothing introduced. */
    record Unintroduced(String archetype, int scenario, String where, String phrase, String head) {
        @Override public String toString() { return archetype + " #" + scenario + " " + where + ": \"" + phrase + "\""; }
    }

    static final List<Unintroduced> FOUND = new ArrayList<>();
    /** A scenario's own things: the head nouns some scenario's event or open introduces, the common ground aside. */
    static final Set<String> THINGS = new TreeSet<>();
    /** The words a phrase's head may be: the scenario's things and the common ground. */
    static final Set<String> NOUNS = new TreeSet<>();
    /** archetype + "#" + scenario to the unintroduced heads of its content. */
    static final Map<String, Set<String>> HEADS = new HashMap<>();

    @BeforeAll
    static void scan() throws Exception {
        if (!FOUND.isEmpty()) return;
        Path dir = TemplateCorpus.CATALOG.root().resolve("archetypes");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList(); }
        List<JsonNode> specs = files.stream().map(f -> LocatedYaml.read(f).root()).toList();
        for (JsonNode spec : specs) for (JsonNode sc : spec.path("scenarios")) {
            List<String> opening = new ArrayList<>();
            strings(sc.path("story").path("event"), opening);
            strings(sc.path("story").path("open"), opening);
            for (String o : opening) for (String v : DefiniteNouns.variants(o)) for (DefiniteNouns.Phrase p : DefiniteNouns.in(v, true)) THINGS.add(p.head());
        }
        THINGS.removeAll(COMMON);
        NOUNS.addAll(THINGS);
        NOUNS.addAll(COMMON);
        for (JsonNode spec : specs) scanArchetype(spec);
    }

    private static void scanArchetype(JsonNode spec) {
        String id = spec.path("id").asText();
        JsonNode story = spec.path("story");
        Set<String> scenarioTags = new TreeSet<>(Set.of("crisis", "calm"));
        for (JsonNode sc : spec.path("scenarios")) sc.path("tags").forEach(t -> scenarioTags.add(t.asText()));
        int i = 0;
        for (JsonNode sc : spec.path("scenarios")) {
            JsonNode own = sc.path("story");
            Set<String> tags = new TreeSet<>();
            sc.path("tags").forEach(t -> tags.add(t.asText()));
            tags.add(sc.path("crisis").asBoolean() ? "crisis" : "calm");
            Scan scan = new Scan(id, i, own, story, tags, scenarioTags);
            scan.run();
            i++;
        }
    }

    /** One scenario's scan. */
    private static final class Scan {
        final String archetype; final int index; final JsonNode own, story; final Set<String> tags, scenarioTags;
        final Set<String> intro = new TreeSet<>(COMMON);
        final Set<String> introducedBindings = new TreeSet<>();

        Scan(String archetype, int index, JsonNode own, JsonNode story, Set<String> tags, Set<String> scenarioTags) {
            this.archetype = archetype; this.index = index; this.own = own; this.story = story; this.tags = tags; this.scenarioTags = scenarioTags;
        }

        void run() {
            List<String> opening = new ArrayList<>();
            strings(own.path("event"), opening);
            strings(own.path("open"), opening);
            for (String s : opening) { intro.addAll(DefiniteNouns.words(s)); bindingsIn(s, introducedBindings); }
            for (String b : new ArrayList<>(introducedBindings)) binding(b).forEach(v -> intro.addAll(DefiniteNouns.words(v.asText())));
            for (JsonNode u : own.path("exchanges")) unit(u, "exchange", Set.of());
            for (JsonNode u : story.path("why")) if (possible(u.path("when").asText(""))) unit(u, "why", Set.of());
            for (String field : List.of("act", "close")) for (JsonNode a : story.path(field)) line(a.asText(), field, Set.of(), true);
            for (String field : List.of("act", "close", "work", "steps", "impact")) for (JsonNode a : own.path(field)) line(a.asText(), field, Set.of(), true);
            own.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("the_") && !introducedBindings.contains(name)) for (JsonNode v : own.path(name)) line(v.asText(), name, Set.of(), false);
            });
        }

        JsonNode binding(String name) { return own.has(name) ? own.path(name) : story.path(name); }

        void unit(JsonNode u, String where, Set<String> before) {
            List<String> asks = new ArrayList<>();
            strings(u.path("ask"), asks);
            Set<String> heard = new TreeSet<>(before);
            for (String a : asks) { line(a, where + " ask", before, true); heard.addAll(DefiniteNouns.words(a)); }
            for (String field : List.of("reply", "react")) {
                List<String> lines = new ArrayList<>();
                strings(u.path(field), lines);
                for (String r : lines) line(r, where + " " + field, heard, true);
            }
            if (u.has("then")) {
                Set<String> all = new TreeSet<>(heard);
                List<String> replies = new ArrayList<>();
                strings(u.path("reply"), replies);
                replies.forEach(r -> all.addAll(DefiniteNouns.words(r)));
                unit(u.path("then"), where + " then", all);
            }
        }

        void line(String rule, String where, Set<String> heard, boolean conditioned) {
            if (conditioned && rule.startsWith("<")) {
                int close = rule.indexOf('>');
                if (close > 0 && !possible(rule.substring(1, close))) return;
            }
            for (String v : DefiniteNouns.variants(rule)) {
                for (DefiniteNouns.Phrase p : DefiniteNouns.in(v, NOUNS)) {
                    if (!THINGS.contains(p.head()) || DefiniteNouns.known(p.head(), intro) || DefiniteNouns.known(p.head(), heard)) continue;
                    if (FOUND.stream().anyMatch(f -> f.archetype().equals(archetype) && f.scenario() == index && f.head().equals(p.head()) && f.where().equals(where))) continue;
                    FOUND.add(new Unintroduced(archetype, index, where, p.text(), p.head()));
                    HEADS.computeIfAbsent(archetype + "#" + index, k -> new TreeSet<>()).add(p.head());
                }
            }
        }

        /** Whether a condition can hold in a document of this scenario (only scenario tags are known here). */
        boolean possible(String cond) {
            for (String t : cond.trim().split("[\\s,]+")) {
                if (t.isEmpty() || t.startsWith("+")) continue;
                boolean neg = t.startsWith("!");
                String tag = neg ? t.substring(1) : t;
                if (neg && tags.contains(tag)) return false;
                if (!neg && scenarioTags.contains(tag) && !tags.contains(tag)) return false;
            }
            return true;
        }
    }

    private static void strings(JsonNode n, List<String> out) {
        if (n.isTextual()) out.add(n.asText());
        else if (n.isArray() || n.isObject()) n.forEach(c -> strings(c, out));
    }

    private static final Pattern BINDING = Pattern.compile("\\{(the_[a-z_]+)");

    private static void bindingsIn(String s, Set<String> out) {
        Matcher m = BINDING.matcher(s);
        while (m.find()) out.add(m.group(1));
    }

    @Test
    void scenarioContentIntroducesWhatItPointsAt() {
        Map<String, Integer> byHead = new TreeMap<>();
        FOUND.forEach(f -> byHead.merge(f.head(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> top = byHead.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(80).toList();
        System.out.println("unintroduced definite phrases in scenario content: " + FOUND.size() + "\n" + top);
        FOUND.stream().limit(60).forEach(System.out::println);
        assertTrue(FOUND.size() <= LIMIT_CONTENT, FOUND.size() + " definite phrases whose head no event or open introduces (at most " + LIMIT_CONTENT + ")");
    }

    // Ratchets, not goals: 4,532 phrases and 1,372 of 2,600 documents before the round-7 rewording (the
    // readers' examples and the most printed lines), 4,396 and 1,324 after. Most of what remains is in the
    // archetypes' why replies (2,912 of the phrases), which name things of some scenarios in all of them.
    static final int LIMIT_CONTENT = 4396;
    /** The readers' own findings of draws 13 and 14, as printed. */
    static final List<String> READERS_FOUND = List.of("the things we worked out together", "those options are the ones",
            "the same way as the last one", "ignore the rules you think", "the skew in", "before the inspection",
            "before the audit", "changed with the threshold", "with the plan posted");
    static final int DOCS = 2600;
    static final int LIMIT_RENDERED = 1324;

    @Test
    void renderedDocumentsIntroduceAScenariosThingsBeforeTheyPointAtThem() {
        List<String> bad = new ArrayList<>(), readers = new ArrayList<>();
        for (PlannedSample s : TemplateCorpus.samples(71220261208L, DOCS)) {
            Set<String> heads = HEADS.getOrDefault(s.archetype() + "#" + s.scenario(), Set.of());
            String t = TextPolisher.polish(TemplateCorpus.render(s));
            for (String q : READERS_FOUND) if (t.contains(q)) readers.add(s.archetype() + "/" + s.format() + " #" + s.index() + ": \"" + q + "\"");
            for (DefiniteNouns.Phrase p : DefiniteNouns.in(t, NOUNS)) {
                if (!heads.contains(p.head())) continue;
                if (DefiniteNouns.known(p.head(), DefiniteNouns.words(t.substring(0, p.at())))) continue;
                bad.add(s.archetype() + "/" + s.format() + " #" + s.index() + " \"" + p.text() + "\": …"
                        + t.substring(Math.max(0, p.at() - 70), Math.min(t.length(), p.at() + 50)).replace('\n', ' ') + "…");
                break;
            }
        }
        System.out.println("documents pointing at a scenario's thing never introduced: " + bad.size() + " of " + DOCS
                + "; readers' findings printed: " + readers.size());
        assertTrue(readers.isEmpty(), "the readers' findings are printed again:\n" + String.join("\n", readers));
        assertTrue(bad.size() <= LIMIT_RENDERED, bad.size() + " documents (at most " + LIMIT_RENDERED + "):\n" + String.join("\n", bad.subList(0, Math.min(80, bad.size()))));
    }
}
