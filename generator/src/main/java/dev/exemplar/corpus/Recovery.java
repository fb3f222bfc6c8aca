package dev.exemplar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import dev.exemplar.text.Counts;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Brings an interrupted run directory back to its last commit point: lines written after it
 * (including a partial trailing line) are cut off, uncommitted shards removed, and the kept
 * records are streamed back so stages can rebuild their indexes.
 */
public final class Recovery {
    private Recovery() {}

    /**
     * The last commit point in state/progress.jsonl, or START when there is none, after
     * {@link ProgressFile#check checking} the state against the data.
     */
    public static CommitPoint lastCommit(RunLayout layout) {
        return ProgressFile.check(layout);
    }

    /**
     * Truncates files to {@code cp} and returns messages describing what was dropped.
     * Shards numbered above the open one are deleted.
     */
    public static List<String> truncateTo(RunLayout layout, CommitPoint cp) throws IOException {
        List<String> notes = new ArrayList<>();
        Path open = layout.openShard(cp.shard());
        if (Files.exists(layout.shard(cp.shard())) && !Files.exists(open)) {
            // Crashed after renaming a full shard but before its successor was committed.
            Files.move(layout.shard(cp.shard()), open);
        }
        cut(open, cp.shardRecords(), notes);
        cut(layout.rejected(), cp.rejectedRecords(), notes);
        for (int n = cp.shard() + 1; Files.exists(layout.openShard(n)) || Files.exists(layout.shard(n)); n++) {
            for (Path p : List.of(layout.openShard(n), layout.shard(n))) {
                if (!Files.exists(p)) continue;
                long len = Files.size(p);
                boolean partial = false;
                if (len > 0) {
                    try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "r")) {
                        partial = endsWithoutNewline(raf, len);
                    }
                }
                notes.add("removed uncommitted shard " + p.getFileName() + ": " + Counts.of(countCompleteLines(p, 0, len), "complete line")
                        + (partial ? " and a partial last line" : "") + " written after the last commit");
                Files.delete(p);
            }
        }
        // Rewrite progress so it ends at this commit point, keeping the history (it records what each
        // finished shard holds). Atomically: a kill during a plain rewrite would leave it empty.
        Files.createDirectories(layout.state());
        StringBuilder history = new StringBuilder();
        for (CommitPoint c : ProgressFile.read(layout)) {
            if (c.equals(cp)) break;
            history.append(Json.MAPPER.writeValueAsString(c)).append('\n');
        }
        AtomicFiles.write(layout.progress(), history.append(Json.MAPPER.writeValueAsString(cp)).append('\n').toString());
        return notes;
    }

    private static void cut(Path file, long keepLines, List<String> notes) throws IOException {
        if (!Files.exists(file)) {
            if (keepLines > 0) throw new IOException(file + " is missing but the last commit says it holds " + Counts.of(keepLines, "line"));
            // A kill right after the run was claimed leaves no data/ directory yet.
            Files.createDirectories(file.getParent());
            Files.createFile(file);
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long lines = 0, pos = 0, len = raf.length();
            var in = new java.io.BufferedInputStream(new java.io.FileInputStream(raf.getFD()), 1 << 16);
            int b;
            while (lines < keepLines && (b = in.read()) != -1) {
                pos++;
                if (b == '\n') lines++;
            }
            if (lines < keepLines) throw new IOException(file + " holds " + Counts.of(lines, "line") + " but the last commit says " + keepLines);
            if (pos < len) {
                long complete = countCompleteLines(file, pos, len);
                boolean partial = endsWithoutNewline(raf, len);
                raf.setLength(pos);
                notes.add("cut " + Counts.of(len - pos, "uncommitted byte") + " from " + file.getFileName() + ": "
                        + Counts.of(complete, "complete line") + (partial ? " and a partial last line" : "")
                        + " written after the last commit");
            }
        }
    }

    private static boolean endsWithoutNewline(RandomAccessFile raf, long len) throws IOException {
        raf.seek(len - 1);
        return raf.read() != '\n';
    }

    private static long countCompleteLines(Path file, long from, long to) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(file.toFile(), "r")) {
            r.seek(from);
            long n = 0;
            byte[] buf = new byte[8192];
            long left = to - from;
            while (left > 0) {
                int k = r.read(buf, 0, (int) Math.min(buf.length, left));
                if (k < 0) break;
                for (int i = 0; i < k; i++) if (buf[i] == '\n') n++;
                left -= k;
            }
            return n;
        }
    }

    /** Streams the committed accepted records (all shards up to the open one) to {@code sink}. */
    public static void readAccepted(RunLayout layout, CommitPoint cp, Consumer<JsonNode> sink) throws IOException {
        for (int n = 0; n <= cp.shard(); n++) {
            Path p = n < cp.shard() ? layout.shard(n) : layout.openShard(n);
            if (!Files.exists(p)) continue;
            readLines(p, sink);
        }
    }

    public static void readRejected(RunLayout layout, Consumer<JsonNode> sink) throws IOException {
        if (Files.exists(layout.rejected())) readLines(layout.rejected(), sink);
    }

    private static void readLines(Path p, Consumer<JsonNode> sink) throws IOException {
        try (var lines = Files.lines(p)) {
            long no = 0;
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                no++;
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    n = null;
                }
                if (n == null || !n.isObject()) {
                    throw new BadInputException(p + ":" + no + ": a committed record is not a JSON object; the run is damaged, "
                            + "so --resume stops; restore it from a copy, or start again with --overwrite");
                }
                sink.accept(n);
            }
        }
    }
}
