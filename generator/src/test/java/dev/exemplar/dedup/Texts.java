package dev.exemplar.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded random texts and edited copies for dedup tests. */
final class Texts {
    private static final String[] SYL = {"ka", "lo", "mi", "ren", "tor", "sa", "vel", "dun", "pri", "sha", "mo", "ne", "bri"};

    private Texts() {}

    static String words(Random r, int n) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) w.add(word(r));
        return String.join(" ", w);
    }

    static String word(Random r) {
        return SYL[r.nextInt(SYL.length)] + SYL[r.nextInt(SYL.length)] + SYL[r.nextInt(SYL.length)];
    }

    /** Replaces {@code edits} words at random positions. */
    static String edit(Random r, String text, int edits) {
        String[] w = text.split(" ");
        for (int i = 0; i < edits; i++) w[r.nextInt(w.length)] = "zz" + word(r);
        return String.join(" ", Arrays.asList(w));
    }
}
