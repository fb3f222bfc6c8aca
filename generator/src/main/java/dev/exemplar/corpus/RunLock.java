package dev.exemplar.corpus;

import dev.exemplar.doc.IoMessages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a directory that a command writes (a run, an output directory), so two
 * processes never write the same files at once. The lock is an OS file lock on
 * {@code DIR/.exemplar.lock}: it is released on {@link #close}, and by the OS when the process
 * dies, so a crash never leaves a stale lock behind. The file itself stays (empty when free); while
 * held it names the holder's pid, which a refused second writer reports.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name inside the locked directory. */
    public static final String FILE = ".exemplar.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} when missing and locks it for {@code command}.
     *
     * @throws RunInUseException when another process (or this one) holds the lock
     * @throws CorpusIOException when the directory or lock file cannot be created
     */
    public static RunLock acquire(Path dir, String command) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new RunInUseException(dir + " is in use by another exemplar process ("
                        + (holder.isEmpty() ? "pid unknown" : holder)
                        + "); wait for it to finish, or stop it, then try again");
            }
            String me = "pid " + ProcessHandle.current().pid() + ", " + command + " since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new RunLock(file, ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new CorpusIOException("cannot create " + dir + ": " + IoMessages.describe(e), e);
        }
    }

    /** The lock file of {@code dir}. */
    public static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        try {
            if (Files.exists(file)) channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The channel closes below, which releases the lock anyway.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) return;
        try {
            ch.close();
        } catch (IOException ignored) {
            // Closing releases the lock; nothing more to do.
        }
    }
}
