package dev.exemplar.corpus;

import dev.exemplar.doc.IoMessages;
import dev.exemplar.llm.Secrets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes small files (manifest, card) under a temporary name, fsyncs, then renames into place. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, String content) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, Secrets.redact(content), StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // a full disk must not leave a half-written .tmp behind
            } catch (IOException ignored) {
                // The error below says what failed; a stray .tmp is never read.
            }
            throw new CorpusIOException("cannot write " + target + ": " + IoMessages.describe(e), e);
        }
    }
}
