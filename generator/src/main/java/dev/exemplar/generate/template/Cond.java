package dev.exemplar.generate.template;

import java.util.Set;
import java.util.TreeSet;

/**
 * The document tags an alternative or a unit needs ({@code <morning !voice>}): every tag in
 * {@code need} present and none in {@code not}. Tags are lower-case words joined by hyphens. A
 * {@code +tag} ({@code <+log>}) is not a need but a mark: choosing the alternative adds that
 * document-state tag ({@link StoryLibrary#STATE_TAGS}), so a later line that points back at what it
 * introduced ("the same log") can require it.
 */
record Cond(Set<String> need, Set<String> not, Set<String> marks) {
    static final Cond ALWAYS = new Cond(Set.of(), Set.of(), Set.of());

    /** Parses {@code "tag !other"}; a blank text is {@link #ALWAYS}. */
    static Cond parse(String symbol, String text) {
        if (text == null || text.isBlank()) return ALWAYS;
        Set<String> need = new TreeSet<>(), not = new TreeSet<>(), marks = new TreeSet<>();
        for (String t : text.trim().split("[\\s,]+")) {
            boolean neg = t.startsWith("!"), mark = t.startsWith("+");
            String tag = neg || mark ? t.substring(1) : t;
            if (!tag.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("symbol \"" + symbol + "\": bad tag \"" + t
                        + "\" in condition <" + text + "> (tags are lower-case words joined by hyphens; ! negates)");
            }
            if (mark && !StoryLibrary.STATE_TAGS.contains(tag)) {
                throw new IllegalArgumentException("symbol \"" + symbol + "\": <+" + tag + "> marks a tag that is not document state; "
                        + "an alternative can mark one of " + new TreeSet<>(StoryLibrary.STATE_TAGS));
            }
            (mark ? marks : neg ? not : need).add(tag);
        }
        return new Cond(Set.copyOf(need), Set.copyOf(not), Set.copyOf(marks));
    }

    boolean holds(Set<String> tags) {
        for (String t : need) if (!tags.contains(t)) return false;
        for (String t : not) if (tags.contains(t)) return false;
        return true;
    }

    boolean always() { return need.isEmpty() && not.isEmpty() && marks.isEmpty(); }

    /** Every tag the condition names, for validation against the known tags. */
    Set<String> mentioned() {
        Set<String> all = new TreeSet<>(need);
        all.addAll(not);
        all.addAll(marks);
        return all;
    }
}
