package dev.exemplar.cli;

import dev.exemplar.llm.Secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Makes text safe for a terminal before it is printed: control characters other than newline and
 * tab (escape sequences that recolour, retitle or rewrite a terminal, a carriage return that
 * overwrites a line), C1 controls and bidirectional overrides are shown as {@code \x1B}-style
 * escapes, and configured API keys are redacted. Everything the CLI prints passes through it:
 * {@link Main} wraps standard output and error for the length of a command.
 */
final class ConsoleText {
    private ConsoleText() {}

    /** {@code text} with control characters escaped and secrets redacted. */
    static String safe(String text) {
        if (text == null) return null;
        String s = Secrets.redact(text);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f
                    || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
            if (control && sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (sb == null) continue;
            if (control) sb.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            else sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    /** A stream that prints through {@link #safe}, line by line (and on every flush). */
    static PrintStream wrap(PrintStream raw) {
        if (raw instanceof Safe) return raw;
        return new Safe(raw);
    }

    /** The terminal stream beneath a wrapped one, for output that is ours alone (a progress bar's carriage returns). */
    static PrintStream raw(PrintStream s) {
        return s instanceof Safe safe ? safe.raw : s;
    }

    private static final class Safe extends PrintStream {
        final PrintStream raw;

        Safe(PrintStream raw) {
            super(new LineFilter(raw), true, StandardCharsets.UTF_8);
            this.raw = raw;
        }
    }

    /** Collects bytes up to a newline or a flush, then writes them through {@link #safe}. */
    private static final class LineFilter extends OutputStream {
        private final PrintStream raw;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        LineFilter(PrintStream raw) {
            this.raw = raw;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') emit();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    line.write(b, start, i + 1 - start);
                    emit();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
        }

        @Override
        public synchronized void flush() {
            emit();
            raw.flush();
        }

        private void emit() {
            if (line.size() == 0) return;
            byte[] out = safe(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            line.reset();
            raw.write(out, 0, out.length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
