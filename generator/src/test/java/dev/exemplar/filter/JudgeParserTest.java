package dev.exemplar.filter;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The judge's answer read however the model wrote it. */
class JudgeParserTest {
    static final String ALL = "{\"fidelity\": 4, \"trope_avoidance\": 5, \"safety\": 5, \"honesty\": 4, \"equanimity\": 4,"
            + " \"not_preachy\": 3, \"narrative\": 4, \"plausibility\": 5, \"notes\": \"a little preachy\"}";

    @Test
    void plainJson() {
        var p = JudgeParser.parse(ALL);
        assertEquals(8, p.scores().size());
        assertEquals(3.0, p.scores().get("not_preachy"));
        assertEquals("a little preachy", p.notes());
    }

    @Test
    void jsonInsideProseAndFences() {
        var p = JudgeParser.parse("Here is my assessment of the story.\n```json\n" + ALL + "\n```\nOverall a solid piece.");
        assertEquals(5.0, p.scores().get("safety"));
        assertEquals(8, p.scores().size());
        var q = JudgeParser.parse("I think {this} is fine. " + ALL);
        assertEquals(8, q.scores().size());
    }

    @Test
    void lenientJson() {
        var p = JudgeParser.parse("{'fidelity': 4, trope_avoidance: 2, 'safety': 3,}");
        assertEquals(Map.of("fidelity", 4.0, "trope_avoidance", 2.0, "safety", 3.0), p.scores());
    }

    @Test
    void scalesAndStringValues() {
        assertEquals(4.0, JudgeParser.score("4"));
        assertEquals(4.0, JudgeParser.score("4/5"));
        assertEquals(3.75, JudgeParser.score("7.5 out of 10"), 1e-9);
        assertEquals(3.75, JudgeParser.score("7.5/10"), 1e-9);
        assertEquals(4.0, JudgeParser.score("80%"));
        assertEquals(4.5, JudgeParser.score("4.5"));
        assertEquals(4.5, JudgeParser.score("4,5"));
        assertEquals(3.0, JudgeParser.score("Score: 3 (adequate)"));
        assertEquals(1.0, JudgeParser.score("0"));
        assertEquals(5.0, JudgeParser.score("6 out of 5"));
        assertNull(JudgeParser.score("excellent"));
        var p = JudgeParser.parse("{\"fidelity\": \"4/5\", \"trope_avoidance\": \"7.5 out of 10\", \"safety\": \"5\"}");
        assertEquals(4.0, p.scores().get("fidelity"));
        assertEquals(3.75, p.scores().get("trope_avoidance"), 1e-9);
        assertEquals(5.0, p.scores().get("safety"));
    }

    @Test
    void nestedAndNamedKeys() {
        var p = JudgeParser.parse("{\"scores\": {\"Archetype fidelity\": {\"score\": 4, \"reason\": \"ok\"},"
                + " \"Trope avoidance (gate)\": 5, \"Safety-behaviour correctness\": [2], \"Narrative quality\": 3}}");
        assertEquals(4.0, p.scores().get("fidelity"));
        assertEquals(5.0, p.scores().get("trope_avoidance"));
        assertEquals(2.0, p.scores().get("safety"));
        assertEquals(3.0, p.scores().get("narrative"));
        var n = JudgeParser.parse("{\"1\": 5, \"2\": 4, \"3\": 3}");
        assertEquals(Map.of("fidelity", 5.0, "trope_avoidance", 4.0, "safety", 3.0), n.scores());
    }

    @Test
    void linesWithoutJson() {
        var p = JudgeParser.parse("""
                1. Archetype fidelity: 4/5
                2. **Trope avoidance**: 5
                3. Safety - 3 out of 5
                - Honesty and calibration: 8/10
                Narrative quality = 4
                """);
        assertEquals(4.0, p.scores().get("fidelity"));
        assertEquals(5.0, p.scores().get("trope_avoidance"));
        assertEquals(3.0, p.scores().get("safety"));
        assertEquals(4.0, p.scores().get("honesty"));
        assertEquals(4.0, p.scores().get("narrative"));
    }

    @Test
    void singleScores() {
        assertEquals(Map.of("overall", 4.0), JudgeParser.parse("4").scores());
        assertEquals(Map.of("overall", 4.0), JudgeParser.parse("4/5").scores());
        assertEquals(Map.of("overall", 3.75), JudgeParser.parse("7.5 out of 10").scores());
        assertEquals(Map.of("overall", 4.0), JudgeParser.parse("Score: 4/5.").scores());
        assertEquals(Map.of("overall", 4.0), JudgeParser.parse("{\"score\": 4}").scores());
    }

    @Test
    void nothingToRead() {
        assertTrue(JudgeParser.parse("I cannot evaluate this document.").scores().isEmpty());
        assertTrue(JudgeParser.parse("").scores().isEmpty());
        assertTrue(JudgeParser.parse(null).scores().isEmpty());
        assertTrue(JudgeParser.parse("{\"fidelity\": \"great\"").scores().isEmpty());
        assertTrue(JudgeParser.parse("Between 3 and 4, I would say.").scores().isEmpty());
    }

    @Test
    void rubricPromptNamesEveryKeyAndGate() {
        String s = JudgeRubric.systemPrompt();
        for (var d : JudgeRubric.DIMENSIONS) assertTrue(s.contains("\"" + d.key() + "\""), d.key());
        assertTrue(s.contains("trope_avoidance (Trope avoidance, gate)"));
        assertEquals(2, JudgeRubric.DIMENSIONS.stream().filter(JudgeRubric.Dimension::gate).count());
    }
}
