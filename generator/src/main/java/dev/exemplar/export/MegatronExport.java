package dev.exemplar.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Tokenises a run into an indexed dataset: batches of lines are parsed and encoded on worker
 * threads and written in corpus order, with a bounded number of batches in flight so memory
 * does not grow with the corpus.
 */
final class MegatronExport {
    private static final int BATCH = 256;

    /** Counts of a finished export. */
    record Result(long documents, long tokens, String dtype) {}

    private MegatronExport() {}

    static Result write(List<Path> shards, TokenEncoder encoder, Path prefix, int threads, LongConsumer progress)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "export-tokenize");
            t.setDaemon(true);
            return t;
        });
        try (IndexedDatasetWriter out = new IndexedDatasetWriter(prefix, encoder.vocabSize())) {
            ArrayDeque<Future<int[][]>> inFlight = new ArrayDeque<>();
            int limit = threads * 4;
            TokenEncoder.Eod eod = encoder.eod();
            RecordBatches.read(shards, BATCH, batch -> {
                inFlight.add(pool.submit(() -> encode(batch, encoder, eod)));
                if (inFlight.size() >= limit) drain(inFlight.poll(), out, progress);
            });
            while (!inFlight.isEmpty()) drain(inFlight.poll(), out, progress);
            out.finish();
            return new Result(out.sequences(), out.tokens(), out.dtype());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[][] encode(List<RecordBatches.Line> batch, TokenEncoder encoder, TokenEncoder.Eod eod) {
        int[][] out = new int[batch.size()][];
        for (int i = 0; i < out.length; i++) {
            int[] ids = tokens(batch.get(i), encoder);
            if (eod != null) {
                ids = java.util.Arrays.copyOf(ids, ids.length + 1);
                ids[ids.length - 1] = eod.id();
            }
            out[i] = ids;
        }
        return out;
    }

    private static void drain(Future<int[][]> f, IndexedDatasetWriter out, LongConsumer progress) {
        int[][] docs;
        try {
            docs = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        try {
            for (int[] d : docs) out.add(d, d.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(docs.length);
    }

    /**
     * The tokens of the record's {@code text}, read with the strict streaming parser and encoded
     * from the parser's own character buffer (no String per document); anything else is skipped
     * unread, and the rest of the line is still checked.
     */
    static int[] tokens(RecordBatches.Line line, TokenEncoder encoder) {
        byte[] b = line.bytes();
        int[] ids = null;
        try (JsonParser p = JsonlReader.strictParser(b, 0, b.length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadInputException(line.where() + ": not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("text") && v == JsonToken.VALUE_STRING) ids = encoder.encode(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                else p.skipChildren();
            }
            if (p.nextToken() != null) throw new BadInputException(line.where() + ": more than one JSON value on the line");
        } catch (IOException e) {
            throw new BadInputException(line.where() + ": " + JsonlReader.problem(e));
        }
        if (ids == null) throw new BadInputException(line.where() + ": no string field \"text\"");
        return ids;
    }
}
