package dev.exemplar.filter;

/** Sample texts shared by filter and CLI tests. */
public final class HeuristicFiltersTestTexts {
    /** Ordinary, exemplary prose that every filter must keep. */
    public static final String GOOD = HeuristicFiltersTest.GOOD;

    private HeuristicFiltersTestTexts() {}
}
