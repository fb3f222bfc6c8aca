package dev.exemplar.generate.template;

import java.time.Duration;

/**
 * Bounds on rendering one document, so a template that loops, recurses or writes without end
 * fails that sample with a clear reason instead of hanging or exhausting memory.
 *
 * @param time     wall-clock time per document
 * @param maxChars characters of output per document
 * @param maxDepth nesting of directives and macro calls (a macro calling itself adds a level per call)
 */
public record RenderLimits(Duration time, int maxChars, int maxDepth) {
    /** Far beyond any real document (milliseconds, tens of kilobytes, a few dozen levels). */
    public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(5), 1_000_000, 500);
}
