package dev.exemplar.cache;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class JvmCacheTest {
    @Test
    void loadsOncePerKeyEvenWhenManyThreadsAskAtOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        String key = "test:" + System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> seen.add(JvmCache.get(key, () -> {
                loads.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Object();
            })));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        assertEquals(1, loads.get());
        assertEquals(8, seen.size());
        assertTrue(seen.stream().allMatch(o -> o == seen.get(0)));
        assertTrue(JvmCache.loaded(key));
    }

    @Test
    void aFailedLoadIsTriedAgainAndLoadsMayNest() {
        String key = "test-fail:" + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> JvmCache.get(key, () -> {
            throw new IllegalStateException("model file missing");
        }));
        assertFalse(JvmCache.loaded(key));
        // A load that needs another cached value (the trope model needs the embedder) works.
        String inner = key + ":inner";
        String v = JvmCache.get(key, () -> JvmCache.get(inner, () -> "inner") + "+outer");
        assertEquals("inner+outer", v);
    }
}
