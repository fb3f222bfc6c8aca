package dev.exemplar.generate.template;

import freemarker.core.Environment;
import freemarker.core.TemplateElement;
import freemarker.core._CoreAPI;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders a template within {@link RenderLimits}, on threads of its own. Time and nesting are
 * checked at every loop pass and macro call: {@link SandboxedFreemarker} puts Freemarker's
 * thread-interruption checks into every template it loads, and a render thread answers "am I
 * interrupted?" with "yes" once its document is past the deadline or nested too deep. Output is
 * capped by the writer. Each limit fails the document with the template, line and limit. A render
 * that still does not stop (a loop inside a built-in, where no check runs) is abandoned after a
 * grace period, so the run can stop instead of hanging.
 */
final class RenderGuard implements AutoCloseable {
    /** A template's output, written to the writer it is given. */
    interface Body {
        void render(Writer out) throws IOException, TemplateException;
    }

    /** A render stopped by one of the limits; the message names the template, line and limit. */
    static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    /** A render that ignored its deadline and had to be left running; the run should stop. */
    static final class Unstoppable extends RuntimeException {
        Unstoppable(String message) {
            super(message);
        }
    }

    private static final long GRACE_MILLIS = 2_000;
    private final RenderLimits limits;
    private final ExecutorService threads = Executors.newCachedThreadPool(RenderThread::new);

    RenderGuard(RenderLimits limits) {
        this.limits = limits;
    }

    /** The text {@code body} writes, or a {@link LimitExceeded}, {@link Unstoppable} or the template's own error. */
    String render(String template, Body body) throws IOException, TemplateException {
        Future<String> f = threads.submit(() -> ((RenderThread) Thread.currentThread()).run(template, body, limits));
        try {
            return f.get(limits.time().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Unstoppable(template + ": rendering did not stop within " + seconds(limits) + " (the time limit per document), "
                    + "even when asked to; a loop inside a built-in such as ?join over a huge range cannot be interrupted");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unstoppable(template + ": interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof TemplateException te) throw te;
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static String seconds(RenderLimits limits) {
        long ms = limits.time().toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** A render thread: knows its document's deadline and depth limit, and says so when Freemarker asks. */
    private static final class RenderThread extends Thread {
        private long deadline;
        private RenderLimits limits;
        private int maxDepth;
        private int checks;
        private volatile String tripped;

        RenderThread(Runnable r) {
            // A deep stack, so the depth limit, not the JVM's stack, stops a recursive macro.
            super(null, r, "template-render", 64L << 20);
            setDaemon(true);
        }

        String run(String template, Body body, RenderLimits limits) throws IOException, TemplateException {
            this.limits = limits;
            deadline = System.nanoTime() + limits.time().toNanos();
            maxDepth = limits.maxDepth();
            checks = 0;
            tripped = null;
            BoundedWriter out = new BoundedWriter(this, limits.maxChars());
            try {
                body.render(out);
            } catch (IOException | TemplateException | RuntimeException e) {
                if (tripped != null) throw new LimitExceeded(tripped);
                throw e;
            } catch (StackOverflowError e) {
                throw new LimitExceeded(template + ": nested too deeply for the render stack (a macro or function that calls itself without end?)");
            } catch (OutOfMemoryError e) {
                throw new LimitExceeded(template + ": ran out of memory while rendering (a built-in over a huge range?)");
            } finally {
                deadline = 0;
                Thread.interrupted(); // the thread goes back to the pool clean
            }
            if (tripped != null) throw new LimitExceeded(tripped);
            return out.text.toString();
        }

        @Override
        public boolean isInterrupted() {
            if (super.isInterrupted() || tripped != null) return true;
            if (deadline == 0) return false;
            if (System.nanoTime() > deadline) {
                return trip("took longer than " + seconds(limits) + " to render (the time limit per document)");
            }
            // The depth is read every few checks: a recursion adds a check per call, so it is caught within a few levels.
            if ((++checks & 7) == 0 && depth() > maxDepth) return trip("nested deeper than " + maxDepth + " levels (a macro or function that calls itself without end?)");
            return false;
        }

        boolean trip(String what) {
            if (tripped == null) tripped = where() + ": " + what;
            return true;
        }

        private static int depth() {
            Environment env = Environment.getCurrentEnvironment();
            return env == null ? 0 : _CoreAPI.getInstructionStackSnapshot(env).length;
        }

        /** The template and line being rendered, as {@code story/x.ftl:12}. */
        private static String where() {
            Environment env = Environment.getCurrentEnvironment();
            if (env == null) return "template";
            TemplateElement[] stack = _CoreAPI.getInstructionStackSnapshot(env);
            if (stack.length == 0) return env.getCurrentTemplate().getSourceName();
            TemplateElement top = stack[0];
            return top.getTemplate().getSourceName() + ":" + top.getBeginLine();
        }
    }

    /** Collects a document's text and stops it at the output limit. */
    private static final class BoundedWriter extends Writer {
        final StringBuilder text = new StringBuilder(4096);
        private final RenderThread thread;
        private final int max;

        BoundedWriter(RenderThread thread, int max) {
            this.thread = thread;
            this.max = max;
        }

        private void room(int len) {
            if (text.length() + len > max) {
                thread.trip("wrote more than " + String.format("%,d", max) + " characters (the output limit per document)");
                throw new LimitExceeded(thread.tripped);
            }
        }

        @Override
        public void write(String str) { room(str.length()); text.append(str); }

        @Override
        public void write(String str, int off, int len) { room(len); text.append(str, off, off + len); }

        @Override
        public void write(char[] buf, int off, int len) { room(len); text.append(buf, off, len); }

        @Override
        public void write(int c) { room(1); text.append((char) c); }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
