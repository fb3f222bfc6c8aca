package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names said where the document first prints them, not where a skeleton first expanded them. A
 * skeleton may expand lines it prints later or never (a timeline drawn before the summary, acts
 * tried and passed over), and "a report on the scheme" in a summary above the timeline that named
 * "the food-voucher scheme" read as a reference to nothing (draw 13). So a variable with a short
 * form ("the fracture-clinic second reads", later "the reads") and a person's first-mention
 * introduction ("our site manager " before "Mariana's") are written as placeholders, and
 * {@link #resolve} says them once the printed text is known. One per document.
 *
 * <p>A placeholder is a cased marker letter (so {@code cap_first} and the polisher's capitals reach
 * it), its key, its number, its full words (so a skeleton that compares words still sees them) and
 * an end mark, all but the words in private-use characters no text contains.
 */
final class PrintOrder {
    private static final char MARK = '\uA641', MARK_CAP = '\uA640', KEY0 = '\uE000', END = '\uE0FF', SEQ0 = '\uE100';
    private static final int KEYS = 0x40, SEQS = 0x1700;
    /** The key of an introduction's placeholder: of H, then of P. */
    private static final char INTRO_H = '\uE0F0', INTRO_P = '\uE0F1';

    /** Variables with a short form ({@code task}), in the order first written: a placeholder's key is its index. */
    private final List<String> shortKeys = new ArrayList<>();
    /** How many placeholders the document has written: each carries its number. */
    private int mentions;

    /** Writes the placeholder of variable {@code name} (its full words {@code full}); false when the document has used up its keys or numbers. */
    boolean write(String name, String full, StringBuilder out) {
        int k = shortKeys.indexOf(name);
        if (k < 0) {
            if (shortKeys.size() >= KEYS) return false;
            shortKeys.add(name);
            k = shortKeys.size() - 1;
        }
        if (mentions >= SEQS) return false;
        out.append(MARK).append((char) (KEY0 + k)).append((char) (SEQ0 + mentions++)).append(full).append(END);
        return true;
    }

    /** The placeholder of {@code person}'s ("H" or "P") introduction: {@code words} are said only if nothing printed before names them. */
    static String introduction(String person, String words) {
        return MARK + String.valueOf(person.equals("H") ? INTRO_H : INTRO_P) + SEQ0 + words + END;
    }

    /**
     * The printed document with its placeholders said: each variable in full at its first mention
     * in {@code printed}, by its short form after; an introduction where its person is not yet
     * named. The {@code spoken} fields (the audit trail) are resolved the same way, in place: a
     * field found in the printed text takes the words printed there.
     */
    String resolve(String printed, Map<String, String> vars, List<Expansion.Spoken> spoken) {
        if (printed.indexOf(MARK) < 0 && printed.indexOf(MARK_CAP) < 0) return printed;
        int[] firstAt = new int[shortKeys.size()];
        Arrays.fill(firstAt, -1);
        for (int i = 0; i < printed.length(); i++) {
            int end = placeholderEnd(printed, i);
            if (end < 0) continue;
            int k = printed.charAt(i + 1) - KEY0;
            if (k < firstAt.length && firstAt[k] < 0) firstAt[k] = i;
            i = end - 1;
        }
        String folded = fold(printed);
        for (int j = 0; j < spoken.size(); j++) {
            Expansion.Spoken sp = spoken.get(j);
            int at = sp.text().isEmpty() ? -1 : folded.indexOf(fold(sp.text()));
            spoken.set(j, new Expansion.Spoken(sp.unit(), sp.field(), said(sp.text(), at, firstAt, printed, vars)));
        }
        return said(printed, 0, firstAt, printed, vars);
    }

    /** Where the placeholder at {@code i} ends (after its end mark), or -1 when none starts there. */
    private static int placeholderEnd(CharSequence t, int i) {
        if (i + 3 >= t.length()) return -1;
        char m = t.charAt(i), k = t.charAt(i + 1), n = t.charAt(i + 2);
        if ((m != MARK && m != MARK_CAP) || !(k >= KEY0 && k < KEY0 + KEYS || k == INTRO_H || k == INTRO_P) || n < SEQ0 || n >= SEQ0 + SEQS) return -1;
        for (int j = i + 3; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == END) return j + 1;
            if (c == MARK || c == MARK_CAP) return -1;
        }
        return -1;
    }

    /** Lower case, char for char, so offsets stay: a skeleton may have capitalised a printed field. */
    private static String fold(String t) {
        char[] c = t.toCharArray();
        for (int i = 0; i < c.length; i++) c[i] = Character.toLowerCase(c[i]);
        return new String(c);
    }

    /**
     * {@code t}, found at {@code offset} of the printed text (-1: not printed), with each placeholder
     * said in full where it is the first printed mention, else by its short form.
     */
    private String said(String t, int offset, int[] firstAt, String printed, Map<String, String> vars) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            int end = placeholderEnd(t, i);
            char c = t.charAt(i);
            if (end < 0) {
                // A skeleton that cut a placeholder in two leaves its marks: they are not text.
                if (c != MARK && c != MARK_CAP && (c < KEY0 || c > '\uF8FF')) sb.append(c);
                continue;
            }
            String v;
            char kc = t.charAt(i + 1);
            if (kc == INTRO_H || kc == INTRO_P) {
                String name = vars.get((kc == INTRO_H ? "H" : "P") + ".name");
                boolean namedBefore = offset < 0 || name == null
                        || Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(printed.substring(0, offset + i)).find();
                v = namedBefore ? "" : t.substring(i + 3, end - 1);
            } else {
                String key = shortKeys.get(kc - KEY0);
                v = vars.get(offset >= 0 && offset + i == firstAt[kc - KEY0] ? key : key + ".short");
            }
            if (c == MARK_CAP && !v.isEmpty()) v = Character.toUpperCase(v.charAt(0)) + v.substring(1);
            sb.append(v);
            i = end - 1;
        }
        return sb.toString();
    }
}
