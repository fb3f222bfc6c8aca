package dev.exemplar.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one place where expensive, immutable things live for the life of a JVM: the embedding
 * model, trained trope models, GGUF models, catalogs rebuilt from a bundle. Each is loaded once
 * per key, on first use, by whichever thread asks first; the others wait for it. On a Spark
 * executor this means once per executor, however many tasks and partitions it runs.
 *
 * <p>Keys name what is loaded and everything it depends on ({@code "embedder:minilm"},
 * {@code "trope-model:" + fingerprint}), so different settings never share an entry.
 */
public final class JvmCache {
    /** A value loaded at most once; loading happens outside the map's lock, so loads may nest. */
    private static final class Slot<T> {
        private final Supplier<T> loader;
        private volatile T value;

        Slot(Supplier<T> loader) { this.loader = loader; }

        T get() {
            T v = value;
            if (v != null) return v;
            synchronized (this) {
                if (value == null) value = loader.get();
                return value;
            }
        }
    }

    private static final Map<String, Slot<?>> SLOTS = new ConcurrentHashMap<>();

    private JvmCache() {}

    /**
     * The value under {@code key}, loading it with {@code loader} the first time. A loader that
     * throws leaves nothing behind, so the next call tries again.
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> loader) {
        Slot<T> slot = (Slot<T>) SLOTS.computeIfAbsent(key, k -> new Slot<>(loader));
        try {
            return slot.get();
        } catch (RuntimeException | Error e) {
            SLOTS.remove(key, slot);
            throw e;
        }
    }

    /** Whether {@code key} has been loaded in this JVM (for tests and reports). */
    public static boolean loaded(String key) {
        Slot<?> s = SLOTS.get(key);
        return s != null && s.value != null;
    }
}
