package dev.exemplar.doc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words: Java's file exceptions carry only the path as their
 * message ("cannot write /x/a.json: /x/a.json"), so a permission error would not say
 * "permission denied".
 */
public final class IoMessages {
    private IoMessages() {}

    /** The reason of {@code e}, without repeating its path: "permission denied", "No space left on device". */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String other = fse.getOtherFile() == null ? "" : " (" + fse.getOtherFile() + ")";
            return fse.getReason() + other;
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        // Plain java.io reports "path (Permission denied)"; keep the reason.
        int open = m.lastIndexOf(" (");
        return open > 0 && m.endsWith(")") ? m.substring(open + 2, m.length() - 1) : m;
    }

    /** The innermost IOException in {@code t}'s causes, or null. */
    public static IOException ioCause(Throwable t) {
        IOException found = null;
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof IOException io) found = io;
        }
        return found;
    }
}
