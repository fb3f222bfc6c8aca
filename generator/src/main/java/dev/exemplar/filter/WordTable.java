package dev.exemplar.filter;

import java.util.function.Function;

/**
 * Values by word, looked up by the word's 64-bit hash ({@link TextView#wordHashes()}), which the
 * shared analysis computes once per word: filters that look up every word of a text (stop words,
 * lexicon entries) then pay neither a string hash nor a string comparison per lookup. At 64 bits
 * a false match between a text's word and a listed word is out of reach.
 */
final class WordTable<V> implements java.io.Serializable {
    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;

    /** A set of words: {@link #contains} answers membership. */
    static WordTable<Boolean> setOf(String... words) {
        WordTable<Boolean> t = new WordTable<>();
        for (String w : words) t.put(w, Boolean.TRUE);
        return t;
    }

    void put(String word, V value) {
        putHash(TextView.wordHash(word), value);
    }

    /** Stores a value under a hash made some other way (of a word pair, say) than {@link TextView#wordHash}. */
    void putHash(long hash, V value) {
        long k = key(hash);
        if (size * 2 >= keys.length) grow();
        int i = slot(k);
        if (keys[i] == 0) size++;
        keys[i] = k;
        values[i] = value;
    }

    /** The value for {@code word}, created by {@code make} when absent. */
    V computeIfAbsent(String word, Function<String, V> make) {
        V v = get(TextView.wordHash(word));
        if (v == null) put(word, v = make.apply(word));
        return v;
    }

    /** The value of the word whose hash is {@code hash}, or null. */
    @SuppressWarnings("unchecked")
    V get(long hash) {
        int i = slot(key(hash));
        return keys[i] == 0 ? null : (V) values[i];
    }

    boolean contains(long hash) {
        return get(hash) != null;
    }

    /** How many words of {@code hashes} the table holds. */
    int count(long[] hashes) {
        int n = 0;
        for (long h : hashes) if (get(h) != null) n++;
        return n;
    }

    private int slot(long k) {
        int mask = keys.length - 1;
        int i = (int) ((k * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        while (keys[i] != 0 && keys[i] != k) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] oldK = keys;
        Object[] oldV = values;
        keys = new long[oldK.length * 2];
        values = new Object[oldK.length * 2];
        for (int j = 0; j < oldK.length; j++) if (oldK[j] != 0) {
            int i = slot(oldK[j]);
            keys[i] = oldK[j];
            values[i] = oldV[j];
        }
    }

    /** 0 marks an empty slot, so a hash of 0 is stored as another value. */
    private static long key(long hash) {
        return hash == 0 ? 0x9E3779B97F4A7C15L : hash;
    }
}
