package dev.exemplar.filter;

import java.util.regex.Pattern;

/**
 * Whose voice a position in a text is in. Assistant artefacts ("If you'd like, I can...", "Let me
 * know if...") are slop only in the text's own voice: a character may say them in a story's dialogue
 * or on a speaker's line of a chat transcript, interview or screenplay.
 */
final class Voice {
    private Voice() {}

    /**
     * A speaker cue opening a line: "ORLA:", "User:", "Dr. Ames:", "[10:42] Assistant:", "Q:". At most
     * four words before the colon, the first capitalised, so a sentence such as "Note that this: ..."
     * is not one.
     */
    private static final Pattern SPEAKER = Pattern.compile(
            "^[\\s>*_]*(?:\\[[^\\]\\n]{1,20}\\]\\s*|\\(?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]m)?\\)?\\s*)?"
                    + "[A-Z][\\w.'\u2019-]*(?: [\\w.'\u2019-]+){0,3}\\s*(?:\\([^)\\n]{0,30}\\))?\\s*:\\s");

    /** Whether {@code pos} is in the text's own voice: outside quotation marks and not on a speaker's line. */
    static boolean own(String text, int pos) {
        int line = text.lastIndexOf('\n', pos - 1) + 1;
        if (SPEAKER.matcher(text).region(line, Math.min(text.length(), pos + 1)).lookingAt()) return false;
        // Quotes in dialogue open and close within a paragraph; a quote that runs on opens each new paragraph again.
        int straight = 0, open = 0;
        for (int i = line; i < pos; i++) {
            char c = text.charAt(i);
            if (c == '"') straight++;
            else if (c == '\u201c') open++;
            else if (c == '\u201d') open = Math.max(0, open - 1);
        }
        return straight % 2 == 0 && open == 0;
    }
}
