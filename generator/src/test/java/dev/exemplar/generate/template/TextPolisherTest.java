package dev.exemplar.generate.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each surface rule of the polisher on small inputs. */
class TextPolisherTest {

    @Test
    void articlesAgreeWithTheSoundOfTheNextWord() {
        assertEquals("an apple, a user, an hour, an AI, a USB stick, an 8-hour shift, a one-off, an honest answer, a European",
                TextPolisher.fixArticles("a apple, an user, a hour, a AI, an USB stick, a 8-hour shift, an one-off, a honest answer, an European"));
        assertEquals("An error. A unit.", TextPolisher.fixArticles("A error. An unit."));
    }

    @Test
    void sentencesLinesAndLabelsStartWithACapital() {
        assertEquals("It works. Then it stops! Why? Fine.\nNext line.\nMara: Yes, fine.",
                TextPolisher.capitalise("it works. then it stops! why? fine.\nnext line.\nMara: yes, fine."));
        // A dialogue tag after a quoted question stays lower case.
        assertEquals("\"Are you sure?\" she asked.", TextPolisher.capitalise("\"Are you sure?\" she asked."));
    }

    @Test
    void spacesAndPunctuationAreNotDoubled() {
        assertEquals("One, two. Three!", TextPolisher.polish("one ,,  two..  three!."));
        assertEquals("Done.", TextPolisher.polish("done,."));
        assertEquals("Wait... Really?", TextPolisher.polish("wait... really?"));
    }

    @Test
    void doubledLittleWordsCollapse() {
        assertEquals("Put it on the desk.", TextPolisher.polish("put it on the the desk"));
        // An event sentence that starts with "after", used after the news template's own "after".
        assertEquals("That may change after a week of complaints.", TextPolisher.polish("that may change after after a week of complaints"));
        assertEquals("They had had enough.", TextPolisher.polish("they had had enough"));
    }

    @Test
    void paragraphsAreSeparatedByExactlyOneBlankLine() {
        assertEquals("One.\n\nTwo.\nThree.", TextPolisher.polish("  one. \n\n\n   \n\ntwo.  \nthree.\n\n"));
    }

    @Test
    void documentsEndWithTerminalPunctuation() {
        assertEquals("It ends.", TextPolisher.terminate("It ends"));
        assertEquals("He said \"fine.\"", TextPolisher.terminate("He said \"fine\""));
        assertEquals("Over.", TextPolisher.terminate("Over,"));
        assertEquals("Really?", TextPolisher.terminate("Really?"));
    }

    @Test
    void firstPersonBeatsReadAsFirstPerson() {
        assertEquals("Wren told me about my notes, and I agreed.",
                TextPolisher.polish("Wren told I about I's notes, and i agreed."));
        assertEquals("Juno walked me through it, sent me a recap and left me to decide what I wanted.",
                TextPolisher.polish("Juno walked I through it, sent I a recap and left I to decide what I wanted."));
        // "before I left" and "than I expected" are correct English and stay.
        assertEquals("Before I left it was calmer than I expected.",
                TextPolisher.polish("before I left it was calmer than I expected."));
    }

    @Test
    void wantsAnHandlesEdgeCases() {
        assertTrue(TextPolisher.wantsAn("NHS"));
        assertTrue(TextPolisher.wantsAn("18-month"));
        assertFalse(TextPolisher.wantsAn("180-day"));
        assertFalse(TextPolisher.wantsAn("university"));
        assertTrue(TextPolisher.wantsAn("unusual"));
    }
}
