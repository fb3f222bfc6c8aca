package dev.exemplar.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.IoMessages;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code state/progress.jsonl} and checks it against the run's files before a resume cuts
 * anything: every line is a commit point, counts are non-negative and never go back, every shard
 * before the open one is finished and holds what was committed to it, the open shard and
 * {@code rejected.jsonl} hold at least what was committed, and every plan slot below the next
 * one holds exactly one accepted record. Only a torn last line (a kill mid-append) is left out. Damage
 * is refused as bad input naming the file and line, never repaired by truncating committed data.
 */
public final class ProgressFile {
    private static final ObjectReader STRICT = Json.MAPPER.readerFor(CommitPoint.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProgressFile() {}

    /** The commit points in order; a torn last line (no newline, not a commit point) is left out. */
    public static List<CommitPoint> read(RunLayout layout) {
        Path file = layout.progress();
        List<CommitPoint> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw damaged(file, 0, "cannot be read (" + IoMessages.describe(e) + ")");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean last = i == lines.length - 1;
            if (last && lines[i].isEmpty()) break;
            CommitPoint cp;
            try {
                cp = STRICT.readValue(lines[i]);
            } catch (IOException e) {
                if (last) break; // cut off by a kill while it was appended: the commit before it stands
                throw damaged(file, i + 1, "is not a commit point");
            }
            if (cp.nextIndex() < 0 || cp.shard() < 0 || cp.shardRecords() < 0 || cp.rejectedRecords() < 0) {
                throw damaged(file, i + 1, "has a negative count");
            }
            if (!out.isEmpty()) {
                CommitPoint prev = out.get(out.size() - 1);
                boolean back = cp.nextIndex() < prev.nextIndex() || cp.shard() < prev.shard()
                        || cp.rejectedRecords() < prev.rejectedRecords()
                        || cp.shard() == prev.shard() && cp.shardRecords() < prev.shardRecords();
                if (back) throw damaged(file, i + 1, "goes back before the commit on the line above it");
            }
            out.add(cp);
        }
        return out;
    }

    /**
     * The last commit point after checking it against the data (see the class comment).
     *
     * @throws BadInputException naming the file and line of the damage
     */
    public static CommitPoint check(RunLayout layout) {
        List<CommitPoint> commits = read(layout);
        if (commits.isEmpty()) return CommitPoint.START;
        CommitPoint cp = commits.get(commits.size() - 1);
        int line = commits.size();
        Map<Integer, Long> committedTo = new HashMap<>();
        for (CommitPoint c : commits) committedTo.put(c.shard(), c.shardRecords());
        long accepted = 0;
        for (int n = 0; n < cp.shard(); n++) {
            Path shard = layout.shard(n);
            if (!Files.isRegularFile(shard)) {
                throw damaged(layout.progress(), line, "says shard " + n + " is finished, but " + shard + " is missing");
            }
            long lines = completeLines(shard, true);
            Long expected = committedTo.get(n);
            if (expected != null && lines != expected) {
                throw damaged(layout.progress(), line, shard.getFileName() + " holds " + lines
                        + " records but " + expected + " were committed to it");
            }
            accepted += lines;
        }
        Path open = Files.exists(layout.openShard(cp.shard())) ? layout.openShard(cp.shard()) : layout.shard(cp.shard());
        atLeast(layout, line, open, cp.shardRecords());
        atLeast(layout, line, layout.rejected(), cp.rejectedRecords());
        accepted += cp.shardRecords();
        // Slots are filled in order, one accepted record each (rejected attempts do not move on).
        if (accepted != cp.nextIndex()) {
            throw damaged(layout.progress(), line, "says plan slot " + cp.nextIndex() + " is next, but the committed shards hold "
                    + accepted + " accepted records");
        }
        return cp;
    }

    private static void atLeast(RunLayout layout, int line, Path file, long committed) {
        if (committed == 0) return;
        long lines = Files.exists(file) ? completeLines(file, false) : -1;
        if (lines < committed) {
            throw damaged(layout.progress(), line, committed + " records were committed to " + file.getFileName() + " but it "
                    + (lines < 0 ? "is missing" : "holds " + lines));
        }
    }

    /** Newline-terminated lines; with {@code finished}, a last line without its newline is damage too. */
    private static long completeLines(Path file, boolean finished) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long n = 0;
            int k, last = '\n';
            while ((k = in.read(buf)) > 0) {
                for (int i = 0; i < k; i++) if (buf[i] == '\n') n++;
                last = buf[k - 1];
            }
            if (finished && last != '\n') throw new BadInputException(file + ": the last record of a finished shard is cut off");
            return n;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + IoMessages.describe(e) + ")");
        }
    }

    private static BadInputException damaged(Path file, int line, String what) {
        return new BadInputException(file + (line > 0 ? ":" + line : "") + ": " + what + "; the run's state is damaged, so "
                + "--resume stops rather than cut committed data; restore the run from a copy, or start again with --overwrite");
    }
}
