package dev.exemplar.generate.template;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Prints sample documents for reading; enabled with -Dpeek=FORMAT (or "all"). */
class PeekTest {
    @Test
    void peek() {
        String which = System.getProperty("peek");
        Assumptions.assumeTrue(which != null, "set -Dpeek=FORMAT to print samples");
        int n = Integer.getInteger("peekN", 3);
        int shown = 0;
        for (var s : TemplateCorpus.samples(Long.getLong("peekSeed", 7L), 2000)) {
            if (!which.equals("all") && !s.format().equals(which)) continue;
            if (System.getProperty("peekArch") != null && !s.archetype().equals(System.getProperty("peekArch"))) continue;
            System.out.println("=== " + s.archetype() + " / " + s.format() + " / " + s.setting() + " / " + s.ai().name()
                    + " / " + s.people().get(0).name() + " (" + s.people().get(0).pronouns().key() + ") / target " + s.targetWords());
            System.out.println(TemplateCorpus.render(s));
            if (++shown >= n) break;
        }
    }
}
