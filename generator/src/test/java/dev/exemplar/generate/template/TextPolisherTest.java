package dev.exemplar.generate.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each surface rule of the polisher on small inputs. */
class TextPolisherTest {

    @Test
    void sentencesLinesAndLabelsStartWithACapital() {
        assertEquals("It works. Then it stops! Why? Fine.\nNext line.\nMara: yes, fine.",
                TextPolisher.capitalise("it works. then it stops! why? fine.\nnext line.\nMara: yes, fine."));
        // A colon inside a sentence is not a label: what follows it keeps its case.
        assertEquals("Right. I asked it: \"Can I ask: what is it like?\"",
                TextPolisher.capitalise("Right. I asked it: \"Can I ask: what is it like?\""));
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
    void paragraphsAreSeparatedByExactlyOneBlankLine() {
        assertEquals("One.\n\nTwo.\nThree.", TextPolisher.polish("  one. \n\n\n   \n\ntwo.  \nthree.\n\n"));
    }

    @Test
    void documentsEndWithTerminalPunctuation() {
        assertEquals("It ends.", TextPolisher.terminate("It ends"));
        assertEquals("He said \"fine.\"", TextPolisher.terminate("He said \"fine\""));
        assertEquals("Over.", TextPolisher.terminate("Over,"));
        assertEquals("Review the rota (owner: Ama).", TextPolisher.terminate("Review the rota (owner: Ama)"));
        assertEquals("Really?", TextPolisher.terminate("Really?"));
        // A letter's signature is a name, not a sentence.
        assertEquals("Speak soon.\n\nBest wishes,\nAma Owusu", TextPolisher.terminate("Speak soon.\n\nBest wishes,\nAma Owusu"));
        assertEquals("It ended with Ama.", TextPolisher.terminate("It ended with Ama"));
    }

}
