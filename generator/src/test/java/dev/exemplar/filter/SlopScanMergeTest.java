package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The corpus scan over shards, merged, reports what one scan over the whole corpus reports. */
class SlopScanMergeTest {
    private static final FilterSettings.SlopScan SETTINGS = new FilterSettings.SlopScan(true, 0.3, false, 4, 4, 4);

    private static String text(int i) {
        String opening = i % 3 == 0 ? "Once upon a time, " : "On day " + i + " of the project, ";
        String middle = i < 20 ? "The lights dimmed slowly over the quiet harbour. " : "Rain fell. ";
        return opening + middle + "the assistant number " + i + " wrote its notes. Unique detail " + i * 7919 + " here.";
    }

    @Test
    void shardsMergeIntoTheWholeCorpusReport() throws Exception {
        SlopScanFilter whole = new SlopScanFilter(SETTINGS);
        SlopScanFilter a = new SlopScanFilter(SETTINGS), b = new SlopScanFilter(SETTINGS);
        for (int i = 0; i < 60; i++) {
            whole.check(Document.ofText(text(i), i));
            // Uneven shards: the shared sentence of documents 0-19 lies wholly in the first.
            (i < 25 ? a : b).check(Document.ofText(text(i), i));
        }
        // Shards travel back to the driver serialised, as Spark sends them.
        SlopScanFilter merged = roundTrip(a);
        merged.merge(roundTrip(b));
        assertEquals(60, merged.documents());
        assertEquals(whole.report(), merged.report());
        assertTrue(whole.report().stream().anyMatch(s -> s.text().equals("the lights dimmed slowly") && s.docs() == 20),
                whole.report().toString());
        // The merged scan goes on counting like the whole one.
        whole.check(Document.ofText(text(60), 60));
        merged.check(Document.ofText(text(60), 60));
        assertEquals(whole.report(), merged.report());
    }

    @Test
    void mergeOrderDoesNotChangeTheReport() throws Exception {
        // Spark merges partitions' scans in the order tasks finish: the report must not depend on it.
        SlopScanFilter a = new SlopScanFilter(SETTINGS), b = new SlopScanFilter(SETTINGS);
        for (int i = 0; i < 30; i++) {
            a.check(Document.ofText("Once Upon A Time, the assistant number " + i + " wrote notes " + i * 31 + ".", i));
            b.check(Document.ofText("once upon a time, the helper number " + i + " kept logs " + i * 37 + ".", 30 + i));
        }
        SlopScanFilter ab = roundTrip(a), ba = roundTrip(b);
        ab.merge(roundTrip(b));
        ba.merge(roundTrip(a));
        assertEquals(ab.report(), ba.report());
        assertTrue(ab.report().stream().anyMatch(s -> s.kind().equals("opening") && s.docs() == 60), ab.report().toString());
    }

    private static SlopScanFilter roundTrip(SlopScanFilter f) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SlopScanFilter) in.readObject();
        }
    }
}
