package dev.exemplar.generate.template;

import java.util.regex.Pattern;

/** Tidies rendered text: one blank line between paragraphs, no trailing or doubled spaces. */
public final class TextCleaner {
    private static final Pattern TRAILING = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANKS = Pattern.compile("\\n{3,}");
    private static final Pattern SPACES = Pattern.compile("(?<=\\S) {2,}");

    private TextCleaner() {}

    public static String clean(String s) {
        String t = s.replace("\r\n", "\n");
        t = TRAILING.matcher(t).replaceAll("\n");
        t = SPACES.matcher(t).replaceAll(" ");
        t = BLANKS.matcher(t).replaceAll("\n\n");
        return t.strip();
    }
}
