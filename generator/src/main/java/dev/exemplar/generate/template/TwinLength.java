package dev.exemplar.generate.template;

import dev.exemplar.text.TokenCounter;

import java.util.HashSet;
import java.util.Set;

/**
 * Matches a document of another arm to its treatment twin's length: the document is rendered at
 * the plan's target length, then again at targets scaled by the twin's tokens over its own, and
 * the rendering closest to the twin in tokens wins. Skeletons add whole beats, so one document can
 * land a few percent either side; the closest-of-several choice keeps the error unbiased, which is
 * what per-cell token totals need.
 */
final class TwinLength {
    /** Good enough for one document: within 2% of the twin's tokens. */
    static final double TOLERANCE = 0.02;
    static final int ROUNDS = 6;

    /** A rendering at a given target length. */
    interface Renderer {
        String render(int targetWords) throws Exception;
    }

    /** A renderer's failure, carried out of {@link #match}. */
    static final class RenderFailed extends RuntimeException {
        RenderFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private TwinLength() {}

    static String match(String twin, int target, Renderer renderer) {
        int goal = TokenCounter.count(twin);
        String best = null;
        int bestGap = Integer.MAX_VALUE;
        Set<Integer> tried = new HashSet<>();
        int t = target;
        for (int round = 0; round < ROUNDS && tried.add(t); round++) {
            String text;
            try {
                text = renderer.render(t);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RenderFailed(e);
            }
            int tokens = TokenCounter.count(text);
            int gap = Math.abs(tokens - goal);
            if (gap < bestGap) {
                best = text;
                bestGap = gap;
            }
            if (gap <= goal * TOLERANCE || tokens == 0) break;
            int next = (int) Math.max(20, Math.round(t * (double) goal / tokens));
            // A step too small to change the skeleton's beat count: move at least a tenth.
            if (Math.abs(next - t) < t / 10) next = tokens < goal ? t + Math.max(1, t / 10) : t - Math.max(1, t / 10);
            t = next;
        }
        return best;
    }
}
