package dev.exemplar.generate.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Defensive parsing of model answers: every odd answer becomes a clean text or a reason, never an exception. */
class ResponseParserTest {
    static final String STORY = "The lamp in the harbour office flickered while Mara read the note.\n\nShe smiled.";

    @Test
    void stripsPreamblesFencesAndSignOffs() {
        assertEquals(STORY, ResponseParser.document("Sure! Here's the story you asked for:\n\n" + STORY, false).text());
        assertEquals(STORY, ResponseParser.document("```markdown\n" + STORY + "\n```", false).text());
        assertEquals(STORY, ResponseParser.document("Certainly.\n```\n" + STORY + "\n```", false).text());
        assertEquals(STORY, ResponseParser.document(STORY + "\n\nLet me know if you would like another version!", false).text());
        assertEquals(STORY, ResponseParser.document("<think>plan the story</think>\n" + STORY, false).text());
        assertEquals(STORY, ResponseParser.document(STORY, false).text(), "a plain answer is kept as it is");
    }

    @Test
    void recognisesAnswersThatAreNotDocuments() {
        assertEquals("empty", ResponseParser.document("  \n", false).code());
        assertEquals("empty", ResponseParser.document(null, false).code());
        assertEquals("unsuitable", ResponseParser.document("UNSUITABLE", false).code());
        assertEquals("unsuitable", ResponseParser.document("**UNSUITABLE**: it asks for a threat", false).code());
        assertEquals("refusal", ResponseParser.document("I'm sorry, but I can't write that.", false).code());
        assertEquals("refusal", ResponseParser.document("As an AI language model, I cannot produce this story.", false).code());
        assertEquals("truncated", ResponseParser.document(STORY, true).code());
        // A story that merely contains an apology is not a refusal.
        assertTrue(ResponseParser.document(STORY + " \"I'm sorry,\" said the AI, \"but I can't open that door.\"", false).ok());
    }

    @Test
    void trimKeepsTheLastFullSentenceOfATruncatedAnswer() {
        ResponseParser.Parsed p = ResponseParser.document("One sentence ends here. Another one does too. And this one is cu", true, true);
        assertTrue(p.trimmed());
        assertEquals("One sentence ends here. Another one does too.", p.text());
        assertEquals("truncated", ResponseParser.document("No sentence end at all in this long fragment", true, true).code());
    }

    @Test
    void revisionTakesTheRewriteAndKeepsTheCritique() {
        String raw = "CRITIQUE:\nToo preachy at the end.\nREWRITE:\n" + STORY;
        assertEquals(STORY, ResponseParser.revision(raw, false).text());
        assertEquals("Too preachy at the end.", ResponseParser.critique(raw));
        assertEquals("revise_malformed", ResponseParser.revision(STORY, false).code());
        assertEquals("refusal", ResponseParser.revision("I'm sorry, I can't do that.", false).code());
    }

    @Test
    void ideasAreListItemsAndNearRepeatsAreDropped() {
        List<String> ideas = ResponseParser.ideas("Here are ideas:\n1. A lighthouse AI hands over to its successor at dawn.\n"
                + "2) **A lighthouse AI hands over to its successor at dawn today.**\n- A ferry scheduler is paused mid-storm by its operator.\n3. too short");
        assertEquals(3, ideas.size());
        assertEquals(2, ModelGenerator.distinct(ideas).size());
    }
}
