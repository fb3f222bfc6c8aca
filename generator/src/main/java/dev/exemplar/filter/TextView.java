package dev.exemplar.filter;

import dev.exemplar.doc.Document;

import java.util.Arrays;

/**
 * The analysis several filters share, computed once per document: lower-case words with
 * apostrophes dropped ("don't" becomes "dont"), the sentence each word belongs to, and raw word
 * lengths. {@link #of(Document)} computes it once per document and keeps it on the document, so
 * every filter of a batch shares one tokenisation.
 */
public final class TextView {
    private final String text;
    private final String[] words;
    /** Sentence number of each word; a sentence ends at . ! ? ; : or a line break. */
    private final int[] sentence;
    /** Clause number of each word; a clause also ends at a comma, dash or bracket. */
    private final int[] clause;
    /** Whether each sentence ends with a question mark, or with a colon (it introduces the next). */
    private final boolean[] question, colon;
    /** Whitespace-separated raw tokens (Gopher's notion of a word, with punctuation). */
    private final int rawTokens;
    private final long rawTokenChars;
    private final int rawTokensWithLetter;
    /** Letters in the text, and those of them in Latin script. */
    private final int letters, latinLetters;
    private long[] hashes;

    /** Character classes of ASCII, taken from {@link Character} so the fast path agrees with it. */
    private static final byte LETTER = 1, DIGIT = 2, SPACE = 4;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) ((Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0)
                    | (Character.isWhitespace(c) ? SPACE : 0));
        }
    }

    private static int classOf(char c) {
        if (c < 128) return ASCII[c];
        return (Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0) | (Character.isWhitespace(c) ? SPACE : 0);
    }

    /** One pass over the characters: words, sentences, clauses and raw tokens together. */
    private TextView(String text) {
        this.text = text;
        int n = text.length();
        char[] chars0 = new char[n + 1];
        text.getChars(0, n, chars0, 0);
        chars0[n] = '\n'; // a virtual line break closes the last word and sentence
        String[] ws = new String[n / 5 + 4];
        int[] sent = new int[ws.length];
        int[] cl = new int[ws.length];
        boolean[] q = new boolean[16], col = new boolean[16];
        char[] cur = new char[32];
        int count = 0, len = 0, clauseNo = 0, s = 0;
        boolean sentenceHasWords = false;
        int raw = 0, withLetter = 0, start = -1, letters = 0, latin = 0;
        long chars = 0;
        boolean letter = false;
        for (int i = 0; i <= n; i++) {
            char c = chars0[i];
            int k = classOf(c);
            if ((k & LETTER) != 0) {
                letters++;
                if (c < 128 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) latin++;
            }
            // Raw tokens: maximal runs of non-whitespace.
            if ((k & SPACE) == 0) {
                if (start < 0) {
                    start = i;
                    letter = false;
                }
                if ((k & LETTER) != 0) letter = true;
            } else if (start >= 0) {
                raw++;
                chars += i - start;
                if (letter) withLetter++;
                start = -1;
            }
            if ((k & (LETTER | DIGIT)) != 0) {
                if (len == cur.length) cur = Arrays.copyOf(cur, len * 2);
                cur[len++] = c < 128 ? (char) (c | ((k & LETTER) != 0 ? 0x20 : 0)) : Character.toLowerCase(c);
                continue;
            }
            if ((c == '\'' || c == '\u2019') && len > 0 && i + 1 < n && Character.isLetter(chars0[i + 1])) {
                continue; // inside a contraction: drop the apostrophe, keep the word whole
            }
            if (len > 0) {
                if (count == ws.length) {
                    ws = Arrays.copyOf(ws, count * 2);
                    sent = Arrays.copyOf(sent, count * 2);
                    cl = Arrays.copyOf(cl, count * 2);
                }
                sent[count] = s;
                cl[count] = clauseNo;
                ws[count++] = new String(cur, 0, len);
                len = 0;
                sentenceHasWords = true;
            }
            if (c == ',' || c == '(' || c == ')' || c == '\u2014' || c == '\u2013') clauseNo++;
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || c == '\u2026') {
                clauseNo++;
                if (sentenceHasWords) {
                    if (s == q.length) {
                        q = Arrays.copyOf(q, s * 2);
                        col = Arrays.copyOf(col, s * 2);
                    }
                    col[s] = c == ':';
                    q[s++] = c == '?';
                    sentenceHasWords = false;
                } else if (c == '?' && s > 0) {
                    q[s - 1] = true; // "...?" or a quote closing before the mark
                }
            }
        }
        this.words = count == ws.length ? ws : Arrays.copyOf(ws, count);
        this.sentence = Arrays.copyOf(sent, count);
        this.clause = Arrays.copyOf(cl, count);
        this.question = Arrays.copyOf(q, s + 1);
        this.colon = Arrays.copyOf(col, s + 1);
        this.rawTokens = raw;
        this.rawTokenChars = chars;
        this.rawTokensWithLetter = withLetter;
        this.letters = letters;
        this.latinLetters = latin;
    }

    /** The view of {@code doc}, computed on first use and kept on the document. */
    public static TextView of(Document doc) {
        String text = doc.text();
        TextView v = doc.derived(TextView.class, d -> new TextView(text));
        if (v.text.equals(text)) return v;
        doc.forgetDerived(); // a stage replaced the text: analyse the new one
        return doc.derived(TextView.class, d -> new TextView(text));
    }

    /** A view of a bare text (tests, statements). */
    public static TextView ofText(String text) {
        return new TextView(text);
    }

    public String text() { return text; }
    public String[] words() { return words; }
    public int sentenceOf(int word) { return sentence[word]; }
    public int clauseOf(int word) { return clause[word]; }
    public boolean isQuestion(int sentenceNo) { return sentenceNo < question.length && question[sentenceNo]; }
    /** Whether the sentence ends with a colon, introducing what follows ("Compare: ..."). */
    public boolean endsWithColon(int sentenceNo) { return sentenceNo >= 0 && sentenceNo < colon.length && colon[sentenceNo]; }
    /** 64-bit hashes of the words, computed on first use (n-gram counting in several filters). */
    public long[] wordHashes() {
        if (hashes == null) {
            long[] h = new long[words.length];
            for (int i = 0; i < h.length; i++) h[i] = wordHash(words[i]);
            hashes = h;
        }
        return hashes;
    }

    /**
     * A 64-bit hash of one word: a multiply-xor over its characters, finished with Murmur3's
     * mixer. Words are short, so this is several times cheaper than a general string hash, and
     * 64 bits keep collisions out of reach for the n-gram counts built on it.
     */
    static long wordHash(String w) {
        long h = 0x9E3779B97F4A7C15L ^ w.length();
        for (int i = 0; i < w.length(); i++) h = (h ^ w.charAt(i)) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    static final long SEED = 0x243F6A8885A308D3L;

    /** A hash of words {@code from}..{@code to} (exclusive), order-sensitive. */
    public long spanHash(int from, int to) {
        long[] h = wordHashes();
        long k = SEED;
        for (int j = from; j < to; j++) k = extend(k, h[j]);
        return k;
    }

    /** The hash of a word sequence extended by one word; {@link #spanHash} folds this. */
    static long extend(long k, long word) {
        return (k ^ word) * 0x100000001B3L + (k >>> 29);
    }

    /** Whitespace-separated tokens, the same count as {@code text.WordCounter}. */
    public int rawTokens() { return rawTokens; }
    public long rawTokenChars() { return rawTokenChars; }
    public int rawTokensWithLetter() { return rawTokensWithLetter; }
    public int letters() { return letters; }
    public int latinLetters() { return latinLetters; }

    /** The words {@code from} (inclusive) to {@code to} (exclusive) joined by spaces. */
    public String span(int from, int to) {
        return String.join(" ", Arrays.asList(words).subList(from, to));
    }
}
