package dev.exemplar.export;

import dev.exemplar.TestProject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The chunk cache gives exactly jtokkit's tokens for the whole text, for both built-in encodings. */
class TiktokenEncoderTest {
    /** Characters around which tiktoken's pre-tokeniser has its edge cases. */
    private static final String[] PARTS = {" ", "  ", "\t", "\n", "\r\n", "\n\n", "\u00a0", "\u2003", "a", "The", "word",
            "É", "élan", "ﬁ", "Ωmega", "日本", "語", "1", "12", "1234567", "'s", "'T", "'re", "’", "\"", "(", ")", ".",
            ",", "!?", "...", "--", "/", "e\u0301", "\u0301", "😀", "x", "McDonald", "CamelCase", "ALLCAPS", "-", "#", " 's"};

    @Test
    void randomTrickyTextEncodesAsAWhole() {
        for (TiktokenEncoder enc : new TiktokenEncoder[] {TiktokenEncoder.cl100k(true), TiktokenEncoder.o200k(true)}) {
            SplittableRandom rng = new SplittableRandom(17);
            for (int t = 0; t < 20_000; t++) {
                StringBuilder b = new StringBuilder();
                int parts = 1 + rng.nextInt(24);
                for (int i = 0; i < parts; i++) b.append(PARTS[rng.nextInt(PARTS.length)]);
                String text = b.toString();
                // Twice: the second time the chunks come from the cache.
                assertArrayEquals(enc.encodeDirect(text), enc.encode(text), enc.name() + ": " + escape(text));
                assertArrayEquals(enc.encodeDirect(text), enc.encode(text), enc.name() + " (cached): " + escape(text));
            }
            assertArrayEquals(new int[0], enc.encode(""));
        }
    }

    @Test
    void novelEncodesAsAWhole() throws Exception {
        Path shared = TestProject.shared();
        Assumptions.assumeTrue(shared != null, "../shared is absent (a fresh clone): skipping the public-domain novel");
        String book = Files.readString(shared.resolve("corpora/pride-and-prejudice.txt"));
        for (TiktokenEncoder enc : new TiktokenEncoder[] {TiktokenEncoder.cl100k(true), TiktokenEncoder.o200k(true)}) {
            for (String para : book.split("\n\n")) assertArrayEquals(enc.encodeDirect(para), enc.encode(para), para);
            assertArrayEquals(enc.encodeDirect(book), enc.encode(book));
        }
    }

    @Test
    void endOfTextIdsAreTheEncodingsOwn() {
        TiktokenEncoder cl = TiktokenEncoder.cl100k(true), o = TiktokenEncoder.o200k(true);
        assertEquals("<|endoftext|>", cl.decode(new int[] {cl.eod().id()}));
        assertEquals("<|endoftext|>", o.decode(new int[] {o.eod().id()}));
        assertNull(TiktokenEncoder.cl100k(false).eod());
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 128 && c >= 32 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        return b.toString();
    }
}
