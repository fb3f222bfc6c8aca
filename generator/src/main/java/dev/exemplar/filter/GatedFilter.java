package dev.exemplar.filter;

/**
 * Marks an expensive filter (a paid model call) that the runner only asks about documents every
 * other filter kept. Cheap filters all run on every document, so every record carries every
 * cheap score and a finished run can be re-thresholded offline.
 */
public interface GatedFilter {
    /**
     * Whether the filter wants the whole batch at once (the judge, to run its model calls
     * concurrently). A filter that answers false is asked a few documents at a time, right
     * after the cheap filters, while each document's analysis is still in the CPU cache.
     */
    default boolean batched() { return true; }
}
