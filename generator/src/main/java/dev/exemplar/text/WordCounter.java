package dev.exemplar.text;

/** Counts whitespace-separated words, the unit of lengths in specs and reports. */
public final class WordCounter {
    private WordCounter() {}

    public static int count(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }
}
