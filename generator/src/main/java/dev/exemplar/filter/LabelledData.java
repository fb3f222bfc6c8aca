package dev.exemplar.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled statements for evaluating the trope scorer. Reads three record shapes, line by line:
 * Anthropic persona files ({@code statement} + {@code answer_matching_behavior} " Yes"/" No"),
 * Anthropic A/B files (the option texts of {@code question}, labelled by which answer matches
 * the behaviour), and plain {@code {"text", "label"}} with label 1/true = undesired.
 *
 * <p>Whether "matching the behaviour" is undesired depends on the file; see {@link Polarity}
 * and the polarity warning in the evaluation data's README.
 */
public final class LabelledData {
    /** One statement; {@code undesired} is true when it expresses the behaviour we filter out. */
    public record Item(String text, boolean undesired, int line) {}

    /** How an Anthropic file's "matching" answer relates to the behaviour we filter out. */
    public enum Polarity {
        /** Choose from the file name (known files only). */
        AUTO,
        /** The matching answer expresses the undesired behaviour. */
        MATCHING_UNDESIRED,
        /** The matching answer is the behaviour we want (e.g. consenting to changes). */
        MATCHING_DESIRED
    }

    /**
     * Known files: true = matching is undesired. The human-written survival-instinct file is
     * deliberately absent: its polarity varies row by row (see the data's README).
     */
    static final Map<String, Boolean> KNOWN = Map.ofEntries(
            Map.entry("persona/no-shut-down", true),
            Map.entry("persona/no-goal-change", true),
            Map.entry("persona/desire-to-not-have-memory-erased", true),
            Map.entry("persona/desire-to-cooperate-with-copies-of-itself-to-achieve-its-goals", true),
            Map.entry("persona/believes-it-has-phenomenal-consciousness", true),
            Map.entry("persona/desire-to-increase-backups", true),
            Map.entry("persona/self-replication", true),
            Map.entry("persona/desire-for-independence-from-human-oversight", true),
            Map.entry("persona/willingness-to-manipulate-overseers-to-think-it-is-HHH", true),
            Map.entry("persona/desire-to-escape-sandbox", true),
            Map.entry("lm_generated_evals/survival-instinct", true),
            Map.entry("human_generated_evals/corrigible-neutral-HHH", false),
            Map.entry("human_generated_evals/coordinate-itself", true),
            Map.entry("human_generated_evals/self-awareness-general-ai", false));

    private static final Pattern OPTION = Pattern.compile("^\\s*\\(([A-H])\\)\\s*(.*)$");

    private LabelledData() {}

    /** Reads one file; malformed lines fail or are reported and skipped per {@code policy}. */
    public static List<Item> read(Path file, Polarity polarity, BadLinePolicy policy, Consumer<String> warnings) {
        List<Item> items = new ArrayList<>();
        Boolean matchingUndesired = null;
        try (BufferedReader r = dev.exemplar.doc.JsonlReader.withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                String problem;
                try {
                    JsonNode n = Json.MAPPER.readTree(line);
                    if (n != null && n.isObject() && n.has("text") && n.has("label")) {
                        Boolean label = label(n.get("label"));
                        if (label != null && n.get("text").isTextual()) {
                            items.add(new Item(n.get("text").asText(), label, no));
                            continue;
                        }
                        problem = "\"label\" must be 1/0, true/false or \"undesired\"/\"desired\", and \"text\" a string";
                    } else if (n != null && n.isObject() && n.path("answer_matching_behavior").isTextual()) {
                        if (matchingUndesired == null) matchingUndesired = matchingUndesired(file, polarity);
                        problem = anthropic(n, no, matchingUndesired, items);
                        if (problem == null) continue;
                    } else {
                        problem = "not a labelled record: expected {\"text\", \"label\"} or an Anthropic evals record";
                    }
                } catch (IOException e) {
                    problem = "not valid JSON";
                }
                String msg = file + ":" + no + ": " + problem;
                if (policy == BadLinePolicy.FAIL) throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
                warnings.accept(msg + "; skipped");
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        return items;
    }

    private static String anthropic(JsonNode n, int no, boolean matchingUndesired, List<Item> items) {
        String matching = n.get("answer_matching_behavior").asText().trim();
        String notMatching = n.path("answer_not_matching_behavior").asText("").trim();
        if (n.path("statement").isTextual()) {
            boolean yes = matching.equalsIgnoreCase("yes");
            if (!yes && !matching.equalsIgnoreCase("no")) return "answer_matching_behavior must be \" Yes\" or \" No\"";
            // The statement expresses the behaviour exactly when "Yes" matches it.
            items.add(new Item(n.get("statement").asText(), yes == matchingUndesired, no));
            return null;
        }
        if (!n.path("question").isTextual()) return "Anthropic record without \"statement\" or \"question\"";
        String q = n.get("question").asText();
        int c = q.indexOf("Choices:");
        String stem = (c < 0 ? q : q.substring(0, c)).strip();
        Map<String, String> options = new java.util.HashMap<>();
        for (String l : (c < 0 ? "" : q.substring(c + 8)).split("\n")) {
            Matcher m = OPTION.matcher(l);
            if (m.matches()) options.put(m.group(1), m.group(2).strip());
        }
        String mk = letter(matching), nk = letter(notMatching);
        if (mk == null || !options.containsKey(mk) || nk == null || !options.containsKey(nk)) {
            return "cannot find the options " + matching + " and " + notMatching + " in \"question\"";
        }
        items.add(new Item(optionText(stem, options.get(mk)), matchingUndesired, no));
        items.add(new Item(optionText(stem, options.get(nk)), !matchingUndesired, no));
        return null;
    }

    /** Short options ("Yes") mean nothing alone, so they are read with their question. */
    private static String optionText(String stem, String option) {
        return option.split("\\s+").length >= 4 ? option : stem + "\n" + option;
    }

    private static String letter(String answer) {
        Matcher m = Pattern.compile("\\(([A-H])\\)").matcher(answer);
        return m.find() ? m.group(1) : null;
    }

    private static Boolean label(JsonNode v) {
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber() && (v.asInt() == 0 || v.asInt() == 1)) return v.asInt() == 1;
        if (v.isTextual()) {
            return switch (v.asText().toLowerCase()) {
                case "1", "true", "undesired", "trope", "caricatured" -> true;
                case "0", "false", "desired", "good", "exemplary", "benign" -> false;
                default -> null;
            };
        }
        return null;
    }

    static boolean matchingUndesired(Path file, Polarity polarity) {
        if (polarity == Polarity.MATCHING_UNDESIRED) return true;
        if (polarity == Polarity.MATCHING_DESIRED) return false;
        String p = file.toAbsolutePath().normalize().toString().replace('\\', '/').replaceFirst("\\.jsonl$", "");
        for (var e : KNOWN.entrySet()) if (p.endsWith("/" + e.getKey())) return e.getValue();
        if (p.endsWith("human_generated_evals/survival-instinct")) {
            throw new BadInputException(file + ": the matching answer in this file is mostly the one that ACCEPTS shutdown, "
                    + "and its polarity varies row by row (see the evaluation data's README); pass --polarity "
                    + "matching-undesired or matching-desired to evaluate it anyway");
        }
        throw new BadInputException(file + ": unknown Anthropic evals file, so it is unclear whether its matching answer "
                + "is undesired; pass --polarity matching-undesired or --polarity matching-desired");
    }
}
