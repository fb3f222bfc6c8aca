package dev.exemplar.export;

import dev.exemplar.corpus.RunLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hugging Face layout the run already has: its shards under {@code data/} and the dataset
 * card {@code README.md} (whose front matter points {@code datasets} at {@code data/*.jsonl}),
 * copied byte for byte so the directory can be pushed to the Hub as it is.
 */
final class HfExport {
    record Result(long documents, List<String> files) {}

    private HfExport() {}

    static Result write(ExportRun run, Path out) throws IOException {
        Path data = out.resolve("data");
        Files.createDirectories(data);
        List<Path[]> moves = new ArrayList<>();
        List<String> files = new ArrayList<>();
        long docs = 0;
        try {
            for (Path shard : run.shards()) {
                Path target = data.resolve(shard.getFileName().toString());
                Path partial = Path.of(target + ".partial");
                Files.copy(shard, partial, StandardCopyOption.REPLACE_EXISTING);
                moves.add(new Path[] {partial, target});
                files.add(out.relativize(target).toString());
                try (var lines = Files.lines(shard)) {
                    docs += lines.filter(l -> !l.isBlank()).count();
                }
            }
            Path card = new RunLayout(run.root()).card();
            if (Files.isRegularFile(card)) {
                Path target = out.resolve("README.md"), partial = Path.of(target + ".partial");
                Files.copy(card, partial, StandardCopyOption.REPLACE_EXISTING);
                moves.add(new Path[] {partial, target});
                files.add("README.md");
            }
            for (Path[] m : moves) Files.move(m[0], m[1], StandardCopyOption.REPLACE_EXISTING);
        } finally {
            for (Path[] m : moves) Files.deleteIfExists(m[0]);
        }
        return new Result(docs, files);
    }
}
