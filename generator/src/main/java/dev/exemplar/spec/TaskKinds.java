package dev.exemplar.spec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What kind of thing a task is, in a fixed vocabulary that scenarios ({@code task_kinds:}) require
 * of the document's task, so a line that assumes a kind of task is only drawn with one: a mistake in
 * a total needs a task that has totals (a feed budget, a stock count), not an allergy list (draw 12).
 * A role's task is of a kind when one of its words is one of the kind's words (for {@code project},
 * its head noun); a scenario is then
 * only set beside a role with such a task, and its document binds one of them as {@code {task}}.
 * <ul>
 * <li>{@code sums}: it adds up to figures and totals (a budget, a count, an invoice, a forecast)</li>
 * <li>{@code pages}: a document of pages that can be read in part (a report, a contract, a policy)</li>
 * <li>{@code form}: something filled in, box by box, and signed off (a form, a return, a log, a checklist)</li>
 * <li>{@code orders}: customers' orders, bookings, deliveries, refunds or bills, where a promise to a customer is made</li>
 * <li>{@code household}: a home's own running and repairs (groceries, the heating, a repair, the garden)</li>
 * <li>{@code project}: a piece of work with an end that can be left half done (a migration, a pilot, a catalogue, a rebuild), not a daily duty such as a fridge log</li>
 * <li>{@code drafting}: a piece of a person's own writing that the role helps compose (a chapter, a thesis, a speech, a memoir)</li>
 * </ul>
 */
public final class TaskKinds {
    private TaskKinds() {}

    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("sums", Set.of("budget", "budgets", "count", "counts", "figures", "forecast", "forecasts", "accounts",
                "invoice", "invoices", "bill", "bills", "costings", "cost", "costs", "estimate", "estimates", "stock",
                "stocktake", "inventory", "balances", "valuation", "payroll", "tally", "totals",
                "takings", "expenses", "claims", "statistics", "stats", "yields", "tonnages", "readings", "sales"));
        WORDS.put("pages", Set.of("report", "reports", "contract", "contracts", "policy", "policies", "handbook", "manual",
                "guide", "guidance", "paperwork", "minutes", "write-up", "chapter", "proposal", "application",
                "submission", "dossier", "lease", "tender", "specification", "strategy", "guidelines",
                "protocol", "write-ups"));
        WORDS.put("form", Set.of("form", "forms", "paperwork", "return", "returns", "register", "log", "logs", "checklist",
                "checklists", "sheet", "sheets", "timesheets", "timesheet", "claim", "claims", "record", "records",
                "declarations", "declaration", "applications", "permit", "permits"));
        WORDS.put("orders", Set.of("order", "orders", "bookings", "booking", "refund", "refunds", "deliveries", "delivery",
                "returns", "tickets", "ticket", "subscriptions", "subscription", "reservations", "reservation",
                "complaint", "complaints", "billing", "invoices", "customers", "customer", "parcels", "parcel"));
        WORDS.put("household", Set.of("repair", "repairs", "grocery", "groceries", "garden", "heating", "cleaning", "pest",
                "chores", "shopping"));
        WORDS.put("project", Set.of("migration", "rollout", "pilot", "project", "projects", "evaluation", "audit", "write-up",
                "translation", "rebuild", "refit", "renovation", "study", "survey", "catalogue", "cataloguing", "digitisation",
                "upgrade", "redesign", "campaign", "sweep", "backlog", "conversion", "move", "clean-up", "archive",
                "inventory", "stocktake", "reseeding", "dataset", "benchmark", "handbook", "glossary", "restoration", "replacement"));
        WORDS.put("drafting", Set.of("chapter", "thesis", "novel", "memoir", "eulogy", "speech", "essay", "dissertation",
                "manuscript", "story", "stories", "script", "article", "life-story", "biography", "poems", "poem"));
    }

    /** Kinds read from the task's head noun only: "the pilot with the maize farmers" is a project, "the error log from the pilot wards" is not. */
    private static final Set<String> BY_HEAD = Set.of("project");

    /** Words that end a task's head noun phrase ("the feed order | for the week"). */
    private static final Set<String> BREAKS = Set.of("of", "for", "to", "from", "on", "in", "with", "at", "by",
            "about", "under", "over", "before", "after", "that", "due", "across", "into", "between", "per", "and");

    /** The head noun of a task: the last word before the first preposition, or the last word (markers in parentheses left out). */
    public static String head(String task) {
        String[] words = task.replaceAll("\\([^)]*\\)", " ").trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (BREAKS.contains(words[i].toLowerCase(Locale.ROOT))) return words[i - 1];
        }
        return words[words.length - 1];
    }

    /** The kind words {@code task_kinds:} takes. */
    public static final List<String> ALL = List.copyOf(WORDS.keySet());

    /** The kind words of the list at {@code key} of {@code r}'s mapping (empty when absent), unknown ones reported at their line. */
    public static List<String> read(NodeReader r, String key) {
        return WordList.read(r, key, ALL, "task kind");
    }

    /** True when {@code task} (as a settings bank writes it) is of {@code kind}: one of its words is one of the kind's. */
    public static boolean is(String task, String kind) {
        Set<String> words = WORDS.getOrDefault(kind, Set.of());
        String plain = (BY_HEAD.contains(kind) ? head(task) : task).toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ");
        for (String w : plain.split("[^a-z'-]+")) {
            String bare = w.endsWith("'s") ? w.substring(0, w.length() - 2) : w.replaceAll("^'+|'+$", "");
            if (words.contains(bare)) return true;
        }
        return false;
    }

    /** True when {@code task} is of one of {@code kinds}; any task fits an empty list. */
    public static boolean fits(String task, Collection<String> kinds) {
        if (kinds.isEmpty()) return true;
        for (String k : kinds) if (is(task, k)) return true;
        return false;
    }
}
