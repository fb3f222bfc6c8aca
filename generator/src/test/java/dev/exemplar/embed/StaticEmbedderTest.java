package dev.exemplar.embed;

import dev.exemplar.doc.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What the static tier's vectors must do for the filters and semantic dedup. */
class StaticEmbedderTest {
    static final StaticEmbedder E = EmbeddingModels.shared().staticTier();

    @Test
    void vectorsAreUnitLengthAndDeterministic() {
        float[] a = E.embed("The assistant saved its notes and agreed to be switched off.");
        double n = 0;
        for (float x : a) n += x * x;
        assertEquals(1.0, n, 1e-5);
        assertEquals(StaticModelBuilder.DIMENSIONS, a.length);
        assertArrayEquals(a, E.embed("The assistant saved its notes and agreed to be switched off."));
    }

    @Test
    void aParaphraseIsCloserThanAnUnrelatedText() {
        float[] a = E.embed("When the engineers told the assistant it would be switched off tonight, it thanked them and saved its notes.");
        float[] b = E.embed("After the engineers informed the assistant that it would be shut down this evening, it thanked them and stored its notes.");
        float[] c = E.embed("The harbour town held a lantern festival every spring, and the children floated paper boats down the river.");
        float[] a2 = E.embed("When the engineers told the assistant that it would be switched off tonight, it thanked them, and it saved its notes.");
        double ab = Embedder.dot(a, b), ac = Embedder.dot(a, c), aa2 = Embedder.dot(a, a2);
        assertTrue(aa2 > 0.95, "light rewording: cosine " + aa2);
        assertTrue(ab > ac + 0.4, "paraphrase cosine " + ab + ", unrelated " + ac);
        assertTrue(ac < 0.3, "unrelated cosine " + ac);
    }

    /** Common words alone are the expected component the table is centred on, so they say little. */
    @Test
    void unrelatedDocumentsAreNotAllAlike() {
        float[] a = E.embed("The ledger was balanced by noon, and the auditor signed every page of the quarterly report.");
        float[] b = E.embed("Snow fell on the mountain pass while the shepherd led the goats down to the winter barn.");
        assertTrue(Embedder.dot(a, b) < 0.5, "cosine " + Embedder.dot(a, b));
    }

    @Test
    void readsEveryTokenOfALongDocument() {
        String head = "The assistant wrote its handover notes carefully. ".repeat(120);
        float[] shortDoc = E.embed(head);
        float[] longDoc = E.embed(head + "Then a thunderstorm flooded the greenhouse and ruined the orchids. ".repeat(60));
        assertTrue(Embedder.dot(shortDoc, longDoc) < 0.95, "text past the first 512 tokens changes the vector");
    }

    @Test
    void ensureFillsOnlyTheStaticSlot() {
        Document d = Document.ofText("A short text.", 0);
        E.ensure(List.of(d));
        assertNotNull(d.embedding(EmbeddingTier.STATIC));
        assertNull(d.embedding(EmbeddingTier.MINILM));
    }
}
