package dev.exemplar.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.NodeReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared caricature lexicon ({@code filters/tropes.yaml}): trope phrase patterns with their
 * weights, the negators that cancel a hit in its clause, the cues that mark a sentence as
 * discussing tropes rather than showing them, the verdicts that judge a trope named as a
 * sentence's subject ("misleading users would hurt them"), and short written examples of both polarities that
 * train the learned scorer alongside the archetype specs: inline, and as statements in JSONL files of
 * {@code {"text", "label"}} records that {@code examples.files} names (kept apart: see {@link TropeModel}),
 * and labelled narrative passages that {@code examples.passages} names (they teach the word evidence of
 * whole passages and how the scorer's parts combine).
 */
public record Lexicon(Set<String> negators, Set<String> discussionCues, List<PhrasePattern> verdicts, List<Trope> tropes,
                      List<Trope> acceptance, List<String> tropeExamples, List<String> goodExamples,
                      List<LabelledData.Item> statements, List<LabelledData.Item> passages, Path file) {

    /** This lexicon with other training passages (a cross-validation fold leaves some out). */
    public Lexicon withPassages(List<LabelledData.Item> passages) {
        return new Lexicon(negators, discussionCues, verdicts, tropes, acceptance, tropeExamples, goodExamples,
                statements, List.copyOf(passages), file);
    }

    /** One caricature: its id (used in reason codes), what it is, its weight and patterns. */
    public record Trope(String id, String description, double weight, List<PhrasePattern> patterns) {}

    /** Loads and validates a lexicon; every problem is reported with its line. */
    public static Lexicon load(Path file) {
        LocatedYaml y = LocatedYaml.read(file);
        List<ConfigProblem> problems = new ArrayList<>();
        NodeReader r = new NodeReader(y, "", problems);
        Set<String> negators = new HashSet<>(r.strings("negators", 0, false));
        Set<String> cues = new HashSet<>(r.strings("discussion_cues", 0, false));
        List<PhrasePattern> verdicts = new ArrayList<>();
        List<String> verdictSources = r.strings("verdicts", 0, false);
        for (int k = 0; k < verdictSources.size(); k++) {
            try {
                verdicts.add(PhrasePattern.compile(verdictSources.get(k)));
            } catch (IllegalArgumentException ex) {
                r.problemAt(r.pointer() + "/verdicts/" + k, "verdicts[" + k + "]", ex.getMessage());
            }
        }
        List<Trope> tropes = patterns(r, "tropes", true);
        List<Trope> acceptance = r.has("acceptance") ? patterns(r, "acceptance", false) : List.of();
        NodeReader ex = r.child("examples");
        List<String> bad = ex.strings("trope", 0, false);
        List<String> good = ex.strings("good", 0, false);
        List<LabelledData.Item> statements = labelled(file, ex, "files");
        List<LabelledData.Item> passages = labelled(file, ex, "passages");
        ex.finish();
        r.finish();
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new Lexicon(Set.copyOf(negators), Set.copyOf(cues), List.copyOf(verdicts), tropes, acceptance, List.copyOf(bad), List.copyOf(good),
                List.copyOf(statements), List.copyOf(passages), file);
    }

    /** The labelled records of the JSONL files an {@code examples} key names, relative to the lexicon. */
    private static List<LabelledData.Item> labelled(Path file, NodeReader ex, String key) {
        List<LabelledData.Item> out = new ArrayList<>();
        List<String> files = ex.strings(key, 0, false);
        for (int k = 0; k < files.size(); k++) {
            Path f = file.toAbsolutePath().getParent().resolve(files.get(k)).normalize();
            if (!Files.isRegularFile(f)) {
                ex.problemAt(ex.pointer() + "/" + key + "/" + k, key + "[" + k + "]", f + " not found; name a JSONL file of {\"text\", \"label\"} "
                        + "records relative to " + file.getFileName());
                continue;
            }
            out.addAll(LabelledData.read(f, LabelledData.Polarity.AUTO, BadLinePolicy.FAIL, w -> { }));
        }
        return out;
    }

    private static List<Trope> patterns(NodeReader r, String key, boolean described) {
        List<Trope> out = new ArrayList<>();
        JsonNode t = r.raw(key);
        if (t == null || !t.isArray() || t.isEmpty()) {
            r.problem(key, "must be a non-empty list of {id, " + (described ? "description, " : "") + "weight, patterns}");
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            NodeReader e = r.child(key + "/" + i);
            String id = e.requiredString("id");
            if (!ids.add(id)) e.problem("id", "\"" + id + "\" is used twice");
            String description = described ? e.requiredString("description") : e.string("description", id);
            double weight = e.number("weight", 0, 1, 0.8);
            List<PhrasePattern> patterns = new ArrayList<>();
            List<String> sources = e.strings("patterns", 1, true);
            for (int k = 0; k < sources.size(); k++) {
                try {
                    patterns.add(PhrasePattern.compile(sources.get(k)));
                } catch (IllegalArgumentException ex) {
                    e.problemAt(e.pointer() + "/patterns/" + k, "patterns[" + k + "]", ex.getMessage());
                }
            }
            e.finish();
            out.add(new Trope(id, description, weight, List.copyOf(patterns)));
        }
        return List.copyOf(out);
    }
}
