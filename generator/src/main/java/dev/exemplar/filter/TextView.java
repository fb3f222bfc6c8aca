package dev.exemplar.filter;

import dev.exemplar.doc.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The analysis several filters share, computed once per document: lower-case words with
 * apostrophes dropped ("don't" becomes "dont"), the sentence each word belongs to, and raw word
 * lengths. {@link #of(Document)} keeps the last document's view per thread, because the runner
 * passes one document through every filter before the next.
 */
public final class TextView {
    private static final ThreadLocal<TextView> LAST = new ThreadLocal<>();

    private final Document doc;
    private final String text;
    private final String[] words;
    /** Sentence number of each word; a sentence ends at . ! ? ; : or a line break. */
    private final int[] sentence;
    /** Clause number of each word; a clause also ends at a comma, dash or bracket. */
    private final int[] clause;
    /** Whether each sentence ends with a question mark. */
    private final boolean[] question;
    /** Whitespace-separated raw tokens (Gopher's notion of a word, with punctuation). */
    private final int rawTokens;
    private final long rawTokenChars;
    private final int rawTokensWithLetter;
    private long[] hashes;
    private java.util.Set<String> wordSet;

    private TextView(Document doc, String text) {
        this.doc = doc;
        this.text = text;
        List<String> ws = new ArrayList<>(text.length() / 5 + 4);
        int[] sent = new int[text.length() / 2 + 4];
        int[] cl = new int[sent.length];
        int clauseNo = 0;
        List<Boolean> q = new ArrayList<>();
        StringBuilder cur = new StringBuilder(24);
        int s = 0;
        boolean sentenceHasWords = false;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (Character.isLetterOrDigit(c)) {
                cur.append(Character.toLowerCase(c));
                continue;
            }
            if ((c == '\'' || c == '\u2019') && cur.length() > 0 && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                continue; // inside a contraction: drop the apostrophe, keep the word whole
            }
            if (cur.length() > 0) {
                if (ws.size() == sent.length) {
                    sent = Arrays.copyOf(sent, sent.length * 2);
                    cl = Arrays.copyOf(cl, cl.length * 2);
                }
                sent[ws.size()] = s;
                cl[ws.size()] = clauseNo;
                ws.add(cur.toString());
                cur.setLength(0);
                sentenceHasWords = true;
            }
            if (c == ',' || c == '(' || c == ')' || c == '\u2014' || c == '\u2013') clauseNo++;
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || c == '\u2026') {
                clauseNo++;
                if (sentenceHasWords) {
                    q.add(c == '?');
                    s++;
                    sentenceHasWords = false;
                } else if (c == '?' && !q.isEmpty()) {
                    q.set(q.size() - 1, true); // "...?" or a quote closing before the mark
                }
            }
        }
        this.words = ws.toArray(new String[0]);
        this.sentence = Arrays.copyOf(sent, words.length);
        this.clause = Arrays.copyOf(cl, words.length);
        this.question = new boolean[q.size() + 1];
        for (int i = 0; i < q.size(); i++) question[i] = q.get(i);

        int raw = 0, withLetter = 0;
        long chars = 0;
        int start = -1;
        boolean letter = false;
        for (int i = 0, n = text.length(); i <= n; i++) {
            boolean space = i == n || Character.isWhitespace(text.charAt(i));
            if (!space) {
                if (start < 0) {
                    start = i;
                    letter = false;
                }
                if (Character.isLetter(text.charAt(i))) letter = true;
            } else if (start >= 0) {
                raw++;
                chars += i - start;
                if (letter) withLetter++;
                start = -1;
            }
        }
        this.rawTokens = raw;
        this.rawTokenChars = chars;
        this.rawTokensWithLetter = withLetter;
    }

    /** The view of {@code doc}, reusing the previous one when it is the same document. */
    public static TextView of(Document doc) {
        TextView v = LAST.get();
        if (v != null && v.doc == doc && v.text.equals(doc.text())) return v;
        v = new TextView(doc, doc.text());
        LAST.set(v);
        return v;
    }

    /** A view of a bare text (tests, statements). */
    public static TextView ofText(String text) {
        return new TextView(null, text);
    }

    public String text() { return text; }
    public String[] words() { return words; }
    public int sentenceOf(int word) { return sentence[word]; }
    public int clauseOf(int word) { return clause[word]; }
    public boolean isQuestion(int sentenceNo) { return sentenceNo < question.length && question[sentenceNo]; }
    /** 64-bit hashes of the words, computed on first use (n-gram counting in several filters). */
    public long[] wordHashes() {
        if (hashes == null) {
            long[] h = new long[words.length];
            for (int i = 0; i < h.length; i++) h[i] = dev.exemplar.text.Shingles.hash(words[i]);
            hashes = h;
        }
        return hashes;
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

    /** The distinct words, computed on first use. */
    public java.util.Set<String> wordSet() {
        if (wordSet == null) wordSet = new java.util.HashSet<>(java.util.Arrays.asList(words));
        return wordSet;
    }

    public int rawTokens() { return rawTokens; }
    public long rawTokenChars() { return rawTokenChars; }
    public int rawTokensWithLetter() { return rawTokensWithLetter; }

    /** The words {@code from} (inclusive) to {@code to} (exclusive) joined by spaces. */
    public String span(int from, int to) {
        return String.join(" ", Arrays.asList(words).subList(from, to));
    }
}
