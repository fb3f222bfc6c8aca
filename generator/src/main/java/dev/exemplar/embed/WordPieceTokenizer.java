package dev.exemplar.embed;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The bundled MiniLM tokenizer's pipeline (its {@code tokenizer.json}: BERT normalizer with
 * lower-casing and accent stripping, BERT pre-tokenizer, WordPiece with {@code ##}
 * continuations), in Java, yielding token ids without building strings for them. The Hugging
 * Face tokenizer behind LangChain4j (DJL's JNI binding) gives the same ids but costs about a
 * millisecond of CPU for a 450-token document, most of it building the full encoding (offsets,
 * token strings, masks) the static tier never reads; this reads the same text in tens of
 * microseconds. {@code WordPieceTokenizerTest} checks the ids against DJL's on real documents
 * and on awkward Unicode.
 */
final class WordPieceTokenizer {
    private static final int MAX_WORD_CHARS = 100;
    private static final String CONTINUATION = "##";

    /** Special tokens matched verbatim anywhere in the raw text, before normalising ({@code added_tokens}, all "[...]"). */
    private final String[] specials;
    private final int[] specialIds;
    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> continuations = new HashMap<>();
    private final int unknown;

    /** @param specials the added special tokens, each "[...]", with their ids in {@code vocab} */
    WordPieceTokenizer(String[] vocab, List<String> specials) {
        this.specials = specials.toArray(String[]::new);
        this.specialIds = new int[this.specials.length];
        List<String> all = Arrays.asList(vocab);
        for (int k = 0; k < this.specials.length; k++) {
            if (!this.specials[k].startsWith("[")) throw new IllegalArgumentException("special token " + this.specials[k] + " does not start with [");
            specialIds[k] = all.indexOf(this.specials[k]);
        }
        int unk = -1;
        for (int id = 0; id < vocab.length; id++) {
            String t = vocab[id];
            if (t == null) continue;
            if (t.equals("[UNK]")) unk = id;
            if (t.startsWith(CONTINUATION) && t.length() > CONTINUATION.length()) continuations.put(t.substring(2), id);
            else words.put(t, id);
        }
        if (unk < 0) throw new IllegalStateException("the vocabulary has no [UNK] token");
        this.unknown = unk;
    }

    /** The token ids of the text, in order. Thread-safe. */
    int[] ids(String text) {
        int[][] buf = {new int[Math.max(16, text.length() / 3)]};
        int[] n = {0};
        forEachId(text, id -> {
            if (n[0] == buf[0].length) buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
            buf[0][n[0]++] = id;
        });
        return Arrays.copyOf(buf[0], n[0]);
    }

    /** Calls {@code ids} with each token id of the text, in order. Thread-safe. */
    void forEachId(String text, IntConsumer ids) {
        StringBuilder word = new StringBuilder(32);
        int n = text.length();
        for (int i = 0; i < n; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128) {
                // ASCII: no accents, no CJK; controls other than tab and line breaks are dropped
                // (vertical tab and form feed too: the normalizer drops controls before it maps whitespace).
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    end(word, ids);
                } else if (c < 32 || c == 127) {
                    continue;
                } else if (c == '[' && special(text, i - 1, word, ids)) {
                    i = skipSpecial(text, i - 1);
                } else if (isAsciiPunctuation(c)) {
                    end(word, ids);
                    word.append((char) c);
                    end(word, ids);
                } else {
                    word.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
                }
                continue;
            }
            other(c, word, ids);
        }
        end(word, ids);
    }

    private boolean special(String text, int at, StringBuilder word, IntConsumer ids) {
        for (int k = 0; k < specials.length; k++) {
            if (text.startsWith(specials[k], at)) {
                end(word, ids);
                ids.accept(specialIds[k]);
                return true;
            }
        }
        return false;
    }

    private int skipSpecial(String text, int at) {
        for (String s : specials) if (text.startsWith(s, at)) return at + s.length();
        throw new IllegalStateException();
    }

    /** A non-ASCII code point through clean-up, CJK splitting, accent stripping, lower-casing and pre-tokenizing. */
    private void other(int c, StringBuilder word, IntConsumer ids) {
        if (c == 0xFFFD || isControl(c)) return;
        if (isWhitespace(c)) {
            end(word, ids);
            return;
        }
        if (isChinese(c)) {
            end(word, ids);
            word.appendCodePoint(c);
            end(word, ids);
            return;
        }
        String d = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        for (int j = 0; j < d.length(); ) {
            int x = d.codePointAt(j);
            j += Character.charCount(x);
            if (Character.getType(x) == Character.NON_SPACING_MARK) continue;
            if (x == 0x130) {
                // Dotted capital I lower-cases to two code points, i and a combining dot above.
                word.append('i').append('\u0307');
                continue;
            }
            x = Character.toLowerCase(x);
            if (isWhitespace(x)) {
                end(word, ids);
            } else if (isPunctuation(x)) {
                end(word, ids);
                word.appendCodePoint(x);
                end(word, ids);
            } else {
                word.appendCodePoint(x);
            }
        }
    }

    /** WordPiece on one pre-token: greedy longest match from the left; any unmatched rest makes it one [UNK]. */
    private void end(StringBuilder word, IntConsumer ids) {
        if (word.length() == 0) return;
        String w = word.toString();
        word.setLength(0);
        Integer whole = words.get(w);
        if (whole != null) {
            ids.accept(whole);
            return;
        }
        if (w.codePointCount(0, w.length()) > MAX_WORD_CHARS) {
            ids.accept(unknown);
            return;
        }
        int[] pieces = new int[w.length()];
        int count = 0;
        for (int start = 0; start < w.length(); ) {
            Map<String, Integer> table = start == 0 ? words : continuations;
            Integer id = null;
            int end = w.length();
            while (end > start) {
                id = table.get(w.substring(start, end));
                if (id != null) break;
                end = w.offsetByCodePoints(end, -1);
            }
            if (id == null) {
                ids.accept(unknown);
                return;
            }
            pieces[count++] = id;
            start = end;
        }
        for (int k = 0; k < count; k++) ids.accept(pieces[k]);
    }

    private static boolean isAsciiPunctuation(int c) {
        return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
    }

    /** Unicode general category P*, as the BERT pre-tokenizer splits on (ASCII symbols included above). */
    private static boolean isPunctuation(int c) {
        if (c < 128) return isAsciiPunctuation(c);
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Unicode White_Space (Rust's {@code char::is_whitespace}), which differs from Java's for no-break spaces. */
    private static boolean isWhitespace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Categories Cc, Cf, Cn, Co, Cs, which the BERT normalizer drops (it keeps only tab and line breaks, all ASCII). */
    private static boolean isControl(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** The CJK ideograph blocks the BERT normalizer splits into single characters. */
    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
