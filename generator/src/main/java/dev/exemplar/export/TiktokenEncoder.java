package dev.exemplar.export;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.util.HashMap;
import java.util.Map;

/**
 * The built-in OpenAI encodings through jtokkit, with a per-thread cache of encoded chunks.
 *
 * <p>Why a cache is exact: tiktoken encodes each piece of its pre-tokenising regex on its own, and
 * for both cl100k_base and o200k_base a space followed by a letter always starts a piece (no
 * alternative of either pattern ends in a space that is followed by a letter, and neither uses
 * look-behind). So a text cut before every such space encodes, chunk by chunk, to exactly the
 * tokens of the whole text; chunks are mostly single words, which repeat, so most of them come
 * from the cache. {@code TiktokenEncoderTest} checks the equality against jtokkit on real and
 * random text.
 */
final class TiktokenEncoder implements TokenEncoder {
    /** Entries per thread before the cache is emptied, which bounds its memory (about 100 MB at worst). */
    private static final int CACHE_LIMIT = 200_000;
    /** Longer chunks are encoded directly: they rarely repeat. */
    private static final int MAX_CACHED_CHARS = 48;

    private final String name;
    private final Encoding encoding;
    private final int vocabSize;
    private final Eod eod;
    private final ThreadLocal<Map<String, int[]>> cache = ThreadLocal.withInitial(HashMap::new);

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
        Map<String, int[]> map = cache.get();
        if (map.size() > CACHE_LIMIT) map.clear();
        int[] out = new int[Math.max(16, text.length() / 3)];
        int n = 0, start = 0, len = text.length();
        for (int i = 1; i <= len; i++) {
            if (i < len && !(text.charAt(i) == ' ' && i + 1 < len && Character.isLetter(text.codePointAt(i + 1)))) continue;
            String chunk = text.substring(start, i);
            int[] ids = chunk.length() <= MAX_CACHED_CHARS ? map.get(chunk) : null;
            if (ids == null) {
                ids = encoding.encodeOrdinary(chunk).toArray();
                if (chunk.length() <= MAX_CACHED_CHARS) map.put(chunk, ids);
            }
            if (n + ids.length > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + ids.length));
            System.arraycopy(ids, 0, out, n, ids.length);
            n += ids.length;
            start = i;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
