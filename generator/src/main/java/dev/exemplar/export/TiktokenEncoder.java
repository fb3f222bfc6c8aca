package dev.exemplar.export;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The built-in OpenAI encodings through jtokkit, with a per-thread cache of encoded chunks.
 *
 * <p>Why a cache is exact: tiktoken encodes each piece of its pre-tokenising regex on its own, and
 * neither pattern looks behind, so a text cut only where a piece must start encodes, chunk by
 * chunk, to exactly the tokens of the whole text (see {@link #pieceStarts}: before a space that
 * precedes a letter, and after the end of a run of letters, since every alternative of both
 * patterns that matches letters takes the whole run). Chunks are mostly single words and
 * punctuation, which repeat, so most come from the cache. {@code TiktokenEncoderTest} checks the equality against jtokkit on real and
 * random text.
 */
final class TiktokenEncoder implements TokenEncoder {
    /** 2^20 slots per thread, emptied when half full: at most 524,288 chunks (tens of MB). */
    private static final int CACHE_SLOTS_LOG2 = 20;
    /** Longer chunks are encoded directly: they rarely repeat. */
    private static final int MAX_CACHED_CHARS = 48;

    private final String name;
    private final Encoding encoding;
    private final int vocabSize;
    private final Eod eod;
    private final ThreadLocal<ChunkCache> cache = ThreadLocal.withInitial(() -> new ChunkCache(CACHE_SLOTS_LOG2));
    private final ThreadLocal<ChunkCache.Out> buffer = ThreadLocal.withInitial(ChunkCache.Out::new);
    private final Function<String, int[]> direct = this::encodeDirect;

    private TiktokenEncoder(String name, EncodingType type, int vocabSize, Eod eod) {
        this.name = name;
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
        this.vocabSize = vocabSize;
        this.eod = eod;
    }

    /** cl100k_base (GPT-3.5/4): 100,277 ids, {@code <|endoftext|>} is 100257. */
    static TiktokenEncoder cl100k(boolean withEod) {
        return new TiktokenEncoder("cl100k_base", EncodingType.CL100K_BASE, 100_277, withEod ? new Eod("<|endoftext|>", 100_257) : null);
    }

    /** o200k_base (GPT-4o): 200,019 ids, {@code <|endoftext|>} is 199999. */
    static TiktokenEncoder o200k(boolean withEod) {
        return new TiktokenEncoder("o200k_base", EncodingType.O200K_BASE, 200_019, withEod ? new Eod("<|endoftext|>", 199_999) : null);
    }

    @Override public String name() { return name; }
    @Override public int vocabSize() { return vocabSize; }
    @Override public Eod eod() { return eod; }

    /** jtokkit's own encoding of the whole text, without the cache (for checks). */
    int[] encodeDirect(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /** The decoded text of token ids (special tokens included), for checks. */
    String decode(int[] ids) {
        IntArrayList l = new IntArrayList(ids.length);
        for (int id : ids) l.add(id);
        return encoding.decode(l);
    }

    @Override
    public int[] encode(String text) {
        char[] chars = text.toCharArray();
        return encode(chars, 0, chars.length);
    }

    /** Cut where a piece must start, each chunk from the cache; no String is made but for misses. */
    @Override
    public int[] encode(char[] text, int off, int len) {
        ChunkCache c = cache.get();
        ChunkCache.Out out = buffer.get();
        out.n = 0;
        int start = off, end = off + len, h = 0;
        for (int i = off + 1; i <= end; i++) {
            char prev = text[i - 1];
            h = 31 * h + prev; // the chunk's String.hashCode, built while scanning
            if (i < end && !pieceStarts(text, off, end, i, prev)) continue;
            if (i - start <= MAX_CACHED_CHARS) c.append(text, start, i, h, direct, out);
            else out.add(direct.apply(new String(text, start, i - start)));
            start = i;
            h = 0;
        }
        return Arrays.copyOf(out.buf, out.n);
    }

    private static final byte OTHER = 0, LETTER = 1, SPACE = 2, KEEP = 3;
    /** ASCII classes for the fast path of {@link #pieceStarts}; KEEP is the apostrophe. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 'a'; c <= 'z'; c++) ASCII[c] = LETTER;
        for (int c = 'A'; c <= 'Z'; c++) ASCII[c] = LETTER;
        ASCII[' '] = SPACE;
        ASCII['\''] = KEEP;
    }

    /**
     * True where a piece of both encodings' pre-tokenising patterns must start: at a space followed
     * by a letter, and right after a run of letters that is not followed by a mark or an
     * apostrophe (which o200k_base can join to the word). Not every piece start is found; only
     * these are used. The text is {@code text[from, end)}; {@code prev} is the character before {@code i}.
     */
    static boolean pieceStarts(char[] text, int from, int end, int i, char prev) {
        char c = text[i];
        if (c < 128) {
            byte k = ASCII[c];
            if (k == SPACE) {
                if (i + 1 >= end) return false;
                char next = text[i + 1];
                return next < 128 ? ASCII[next] == LETTER : Character.isLetter(Character.codePointAt(text, i + 1, end));
            }
            if (k != OTHER) return false;
            return prev < 128 ? ASCII[prev] == LETTER : letterBefore(text, from, i, prev);
        }
        if (Character.isSurrogate(c)) return false;
        int type = Character.getType(c);
        if (type <= Character.OTHER_LETTER && type >= Character.UPPERCASE_LETTER) return false; // a letter
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) return false;
        return prev < 128 ? ASCII[prev] == LETTER : letterBefore(text, from, i, prev);
    }

    /** Whether the code point ending at {@code i} is a letter; {@code prev} is {@code text[i - 1]}. */
    private static boolean letterBefore(char[] text, int from, int i, char prev) {
        return Character.isSurrogate(prev) ? Character.isLetter(Character.codePointBefore(text, i, from)) : Character.isLetter(prev);
    }
}
