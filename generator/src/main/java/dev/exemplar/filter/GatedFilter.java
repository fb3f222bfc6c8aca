package dev.exemplar.filter;

/**
 * Marks an expensive filter (a paid model call) that the runner only asks about documents every
 * other filter kept. Cheap filters all run on every document, so every record carries every
 * cheap score and a finished run can be re-thresholded offline.
 */
public interface GatedFilter {}
