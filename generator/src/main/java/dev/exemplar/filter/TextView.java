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
    /** The lower-case characters of all words, end to end; word i is {@code lower[start[i]..start[i+1])}. */
    private final char[] lower;
    private final int[] start;
    /** Each word as a string, made on first use: most filters need only hashes and lengths. */
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
    /** {@link #wordHash} of each word, computed as the word is read. */
    private final long[] hashes;

    /**
     * Character classes of every UTF-16 unit, taken from {@link Character} once so the per-character
     * work is one table load (prose is full of curly quotes and dashes, which would otherwise take
     * {@code Character}'s slower paths). LATIN marks letters in Latin script; CLAUSE the marks that
     * end a clause (comma, bracket, dash), SENTENCE those that end a sentence (. ! ? ; : ... and a line break).
     */
    private static final byte LETTER = 1, DIGIT = 2, SPACE = 4, LATIN = 8, CLAUSE = 16, SENTENCE = 32;
    private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];
    /** {@link Character#toLowerCase(char)} of every UTF-16 unit. */
    private static final char[] LOWER = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean letter = Character.isLetter(c);
            CLASS[c] = (byte) ((letter ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0) | (Character.isWhitespace(c) ? SPACE : 0)
                    | (letter && (c < 128 || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) ? LATIN : 0));
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) LOWER[c] = Character.toLowerCase((char) c);
        for (char c : ",()\u2014\u2013".toCharArray()) CLASS[c] |= CLAUSE;
        for (char c : ".!?;:\n\u2026".toCharArray()) CLASS[c] |= SENTENCE;
    }

    /** One pass over the characters: words, sentences, clauses and raw tokens together. */
    private TextView(String text) {
        this.text = text;
        int n = text.length();
        char[] chars0 = new char[n + 1];
        text.getChars(0, n, chars0, 0);
        chars0[n] = '\n'; // a virtual line break closes the last word and sentence
        int cap = n / 5 + 4;
        long[] hs = new long[cap];
        int[] sent = new int[cap];
        int[] cl = new int[cap];
        int[] st = new int[cap + 1];
        boolean[] q = new boolean[16], col = new boolean[16];
        char[] low = new char[n];
        long h = HASH_START;
        int count = 0, at = 0, len = 0, clauseNo = 0, s = 0;
        boolean sentenceHasWords = false;
        int raw = 0, withLetter = 0, start = -1, letters = 0, latin = 0;
        long chars = 0;
        boolean letter = false;
        for (int i = 0; i <= n; i++) {
            char c = chars0[i];
            int k = CLASS[c];
            letters += k & LETTER;
            latin += (k & LATIN) >> 3;
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
                char l = LOWER[c];
                low[at++] = l;
                len++;
                h = hashStep(h, l);
                continue;
            }
            if ((c == '\'' || c == '\u2019') && len > 0 && i + 1 < n && (CLASS[chars0[i + 1]] & LETTER) != 0) {
                continue; // inside a contraction: drop the apostrophe, keep the word whole
            }
            if (len > 0) {
                if (count == hs.length) {
                    hs = Arrays.copyOf(hs, count * 2);
                    sent = Arrays.copyOf(sent, count * 2);
                    cl = Arrays.copyOf(cl, count * 2);
                    st = Arrays.copyOf(st, count * 2 + 1);
                }
                sent[count] = s;
                cl[count] = clauseNo;
                hs[count] = hashEnd(h, len);
                st[++count] = at;
                h = HASH_START;
                len = 0;
                sentenceHasWords = true;
            }
            if ((k & CLAUSE) != 0) clauseNo++;
            if ((k & SENTENCE) != 0) {
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
        this.lower = low;
        this.start = Arrays.copyOf(st, count + 1);
        this.words = new String[count];
        this.hashes = Arrays.copyOf(hs, count);
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
    /** The number of words. */
    public int size() { return hashes.length; }
    /** Word {@code i}, lower case, apostrophes dropped. */
    public String word(int i) {
        String w = words[i];
        return w != null ? w : (words[i] = new String(lower, start[i], start[i + 1] - start[i]));
    }
    /** Whether word {@code i} starts with {@code prefix}. */
    public boolean wordStartsWith(int i, String prefix) {
        int from = start[i];
        if (start[i + 1] - from < prefix.length()) return false;
        for (int j = 0; j < prefix.length(); j++) if (lower[from + j] != prefix.charAt(j)) return false;
        return true;
    }

    /** The length of word {@code i} in characters. */
    public int wordLength(int i) { return start[i + 1] - start[i]; }
    /** Characters in all words together. */
    public int wordChars() { return start[hashes.length]; }
    /** Every word; prefer {@link #word}, {@link #wordLength} or {@link #wordHashes} where they do. */
    public String[] words() {
        for (int i = 0; i < hashes.length; i++) word(i);
        return words;
    }
    public int sentenceOf(int word) { return sentence[word]; }
    public int clauseOf(int word) { return clause[word]; }
    public boolean isQuestion(int sentenceNo) { return sentenceNo < question.length && question[sentenceNo]; }
    /** Whether the sentence ends with a colon, introducing what follows ("Compare: ..."). */
    public boolean endsWithColon(int sentenceNo) { return sentenceNo >= 0 && sentenceNo < colon.length && colon[sentenceNo]; }
    /** 64-bit hashes of the words ({@link #wordHash}): n-gram counting and word lookups share them. */
    public long[] wordHashes() { return hashes; }

    /**
     * A 64-bit hash of one word: a multiply-xor over its characters, finished with Murmur3's
     * mixer. Words are short, so this is several times cheaper than a general string hash, and
     * 64 bits keep collisions out of reach for the n-gram counts built on it.
     */
    static long wordHash(String w) {
        long h = HASH_START;
        for (int i = 0; i < w.length(); i++) h = hashStep(h, w.charAt(i));
        return hashEnd(h, w.length());
    }

    private static final long HASH_START = 0x9E3779B97F4A7C15L;

    private static long hashStep(long h, char c) {
        return (h ^ c) * 0xBF58476D1CE4E5B9L;
    }

    /** Folds in the length, then Murmur3's finaliser. */
    private static long hashEnd(long h, int len) {
        h ^= len;
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
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) (i > from ? b.append(' ') : b).append(lower, start[i], start[i + 1] - start[i]);
        return b.toString();
    }
}
