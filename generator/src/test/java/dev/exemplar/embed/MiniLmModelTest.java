package dev.exemplar.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The MiniLM tier's own session (one ONNX thread per text) must give LangChain4j's vectors exactly. */
class MiniLmModelTest {
    @Test
    void vectorsEqualLangChain4jsDefaultSession() {
        List<TextSegment> texts = new ArrayList<>();
        texts.add(TextSegment.from("The assistant saved its notes and agreed to be switched off."));
        texts.add(TextSegment.from("Ça va? Naïve café owners in Zürich wrote 3,000 words — mostly about the weather."));
        // Longer than one 510-token partition, so LangChain4j's partition averaging runs too.
        texts.add(TextSegment.from("When the engineers told the assistant it would be paused for the audit, it wrote a handover. ".repeat(60)));
        for (int i = 0; i < 5; i++) texts.add(TextSegment.from("Short text number " + i + " about a ledger and a harbour."));

        var ours = MiniLmModel.load(2).embedAll(texts).content();
        var theirs = new AllMiniLmL6V2QuantizedEmbeddingModel().embedAll(texts).content();
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(theirs.get(i).vector(), ours.get(i).vector(), "text " + i);
        }
    }

    @Test
    void oneThreadPoolStillEmbedsEveryTextInOrder() {
        var model = MiniLmModel.load(1);
        float[] a = model.embed("harbour lanterns in spring").content().vector();
        float[] b = model.embed("the quarterly ledger was balanced").content().vector();
        var both = model.embedAll(List.of(TextSegment.from("harbour lanterns in spring"),
                TextSegment.from("the quarterly ledger was balanced"))).content();
        assertArrayEquals(a, both.get(0).vector());
        assertArrayEquals(b, both.get(1).vector());
        assertFalse(java.util.Arrays.equals(a, b));
    }
}
