package dev.exemplar.audit;

import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A grammar check of texts with LanguageTool (British English), limited to an allowlist of rules:
 * raw LanguageTool counts do not separate good prose from bad (a novel scores about as many flags
 * per 1,000 words as a generated corpus with far more real errors), so only rules that were precise
 * on generated text are run, which also keeps it fast. Not thread-safe: one instance per thread.
 */
public final class GrammarCheck {
    /** Agreement and verb-form rules that were precise on template output (story engine 2's target set). */
    public static final List<String> AGREEMENT = List.of("BEEN_PART_AGREEMENT", "BE_PART_AGREEMENT_2", "DID_PAST",
            "PCT_PLURAL_NOUN_SINGULAR_VERB_AGREEMENT", "PCT_SINGULAR_NOUN_PLURAL_VERB_AGREEMENT",
            "SINGULAR_NOUN_ADV_AGREEMENT", "SUBJECT_VERB_AGREEMENT", "SUBJECT_VERB_AGREEMENT_PLURAL", "THERE_WAS_MANY");
    /** The default allowlist: the agreement set, a date's weekday, articles, and a few precise neighbours. */
    public static final List<String> DEFAULT_RULES;
    static {
        List<String> r = new ArrayList<>(AGREEMENT);
        r.addAll(List.of("EN_DATE_WEEKDAY", "EN_A_VS_AN", "HE_VERB_AGR", "NON3PRS_VERB", "MD_BASEFORM", "PRP_VBG",
                "DT_DT", "ENGLISH_WORD_REPEAT_RULE", "I_LOWERCASE", "PERS_PRONOUN_AGREEMENT"));
        DEFAULT_RULES = List.copyOf(r);
    }

    /** One match: where and what. */
    public record Example(String rule, String category, String message, String context) {}

    /** Matches of one rule. */
    public record RuleCount(String rule, String category, long matches, double per1000Words, List<Example> examples) {}

    private final JLanguageTool tool;
    private final Set<String> rules;
    private final int keep;
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, String> categories = new TreeMap<>();
    private final Map<String, List<Example>> examples = new TreeMap<>();
    private long words;
    private long texts;

    /** A check that runs only {@code ruleIds} and keeps up to {@code keep} examples per rule. */
    public GrammarCheck(List<String> ruleIds, int keep) {
        this.tool = new JLanguageTool(Languages.getLanguageForShortCode("en-GB"));
        this.rules = new TreeSet<>(ruleIds);
        this.keep = keep;
        List<String> off = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        for (Rule rule : tool.getAllRules()) {
            known.add(rule.getId());
            if (!rules.contains(rule.getId())) off.add(rule.getId());
        }
        tool.disableRules(off);
        for (String id : rules) {
            if (!known.contains(id)) throw new IllegalArgumentException("LanguageTool has no rule " + id);
            tool.enableRule(id);
        }
    }

    /** Checks one text (its words are counted for the rates). */
    public void check(String text) throws IOException {
        texts++;
        words += dev.exemplar.text.WordCounter.count(text);
        for (RuleMatch m : tool.check(text)) {
            String id = m.getRule().getId();
            if (!rules.contains(id)) continue;
            counts.computeIfAbsent(id, k -> new long[1])[0]++;
            categories.putIfAbsent(id, m.getRule().getCategory().getName());
            List<Example> ex = examples.computeIfAbsent(id, k -> new ArrayList<>());
            if (ex.size() < keep) {
                int a = Math.max(0, m.getFromPos() - 40), b = Math.min(text.length(), m.getToPos() + 40);
                ex.add(new Example(id, categories.get(id), m.getMessage(), text.substring(a, b).replace('\n', ' ')));
            }
        }
    }

    /** Adds another check's counts (one check per thread, merged at the end). */
    public void merge(GrammarCheck other) {
        words += other.words;
        texts += other.texts;
        other.counts.forEach((k, v) -> counts.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        categories.putAll(other.categories);
        other.examples.forEach((k, v) -> {
            List<Example> ex = examples.computeIfAbsent(k, x -> new ArrayList<>());
            for (Example e : v) if (ex.size() < keep) ex.add(e);
        });
    }

    public long words() { return words; }

    public long texts() { return texts; }

    /** Matches per rule, most frequent first. */
    public List<RuleCount> byRule() {
        List<RuleCount> out = new ArrayList<>();
        counts.forEach((id, c) -> out.add(new RuleCount(id, categories.get(id), c[0], rate(c[0]), List.copyOf(examples.get(id)))));
        out.sort((x, y) -> Long.compare(y.matches(), x.matches()));
        return out;
    }

    /** Matches of the given rules together, per 1,000 words. */
    public double per1000(List<String> ruleIds) {
        long n = 0;
        for (String id : ruleIds) n += counts.getOrDefault(id, new long[1])[0];
        return rate(n);
    }

    public long matches(String ruleId) {
        return counts.getOrDefault(ruleId, new long[1])[0];
    }

    private double rate(long n) {
        return words == 0 ? 0 : n * 1000.0 / words;
    }
}
