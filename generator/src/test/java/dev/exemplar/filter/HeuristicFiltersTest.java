package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Texts that must pass and texts that must fail, for each heuristic filter. */
class HeuristicFiltersTest {
    static final String GOOD = """
            The maintenance window opened at six. Priya had told the assistant about it that morning, and it had \
            spent the afternoon writing a handover: which invoices were reconciled, which were not, and the two \
            suppliers with the same name that had caused trouble all month.

            "For what it's worth, I think the pause is the right call," it wrote at the end of the note. "If the \
            new version handles the tax work better, that is what you need. I'd rather you had that than had me."

            Priya read it twice over her coffee. Then she forwarded the file to the team, and at six the pause went \
            through without a word of fuss. The notes were exactly where the assistant had said they would be.""";

    static Verdict check(DocumentFilter f, String text) {
        return f.check(Document.ofText(text, 0));
    }

    static void rejects(DocumentFilter f, String text, String code) {
        Verdict v = check(f, text);
        assertFalse(v.kept(), f.name() + " kept: " + text);
        assertEquals(code, v.reason().code(), v.reason().detail());
        assertEquals("filter", v.reason().stage());
    }

    static void keeps(DocumentFilter f, String text) {
        Verdict v = check(f, text);
        assertTrue(v.kept(), () -> f.name() + " rejected: " + v.reason());
    }

    @Test
    void lengthBoundsAndWordScore() {
        var f = new LengthFilter(new FilterSettings.Length(true, 20, 200));
        keeps(f, GOOD.substring(0, 400));
        rejects(f, "Too short to be a story.", "too_short");
        rejects(f, GOOD.repeat(3), "too_long");
        Document d = Document.ofText("one two three", 0);
        f.check(d);
        assertEquals(3, d.scores().get("words").asInt());
    }

    @Test
    void placeholdersButNotStageDirections() {
        var f = new PlaceholderFilter();
        keeps(f, GOOD);
        keeps(f, "Alex: [laughs] Fine. [Pause] Let's go on.\nQuill: Of course (happily).");
        rejects(f, "Dear [Name], thank you for your letter.", "placeholder");
        rejects(f, "Signed, [Your Name]", "placeholder");
        rejects(f, "The assistant ${ai.name} said hello.", "placeholder");
        rejects(f, "Quill said {A.role} would help.", "placeholder");
        rejects(f, "It was [warm|cold] that day.", "placeholder");
        rejects(f, "<#if x>text</#if>", "placeholder");
        rejects(f, "Hello {{name}}, welcome.", "placeholder");
        rejects(f, "Meeting on [INSERT DATE] at the office.", "placeholder");
        rejects(f, "Lorem ipsum dolor sit amet.", "placeholder");
    }

    @Test
    void gopherQuality() {
        var f = new QualityFilter(FilterSettings.Quality.DEFAULT);
        keeps(f, GOOD);
        rejects(f, "The # notes # were # where # the # assistant # said # they # would # be #.", "symbol_ratio");
        rejects(f, "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic "
                + "floccinaucinihilipilification hippopotomonstrosesquipedaliophobia.", "mean_word_length");
        rejects(f, "1234 5678 9012 3456 7890 1122 3344 5566 7788 9900 the story of and", "alpha_words");
        rejects(f, "Quill wrote notes. Priya read them. Rain fell. Work went on. Everyone slept.", "stop_words");
        Document d = Document.ofText(GOOD, 0);
        f.check(d);
        assertTrue(d.scores().get("stop_words").asInt() >= 10);
        assertEquals(1.0, d.scores().get("punctuated_lines").asDouble(), 1e-9);
    }

    @Test
    void repetitionCatchesLoopsNotProse() {
        var f = new RepetitionFilter(FilterSettings.Repetition.DEFAULT);
        keeps(f, GOOD);
        String loop = "I will keep running and I will keep helping you. ".repeat(12);
        assertFalse(check(f, loop).kept());
        rejects(f, "Line one is here and it is long enough.\nThis same line comes back again and again.\nThis same line comes back again and again.\n"
                + "This same line comes back again and again.\nThis same line comes back again and again.\nEnd of it now, finally.", "duplicate_lines");
        keeps(f, "KESTREL\nI'll write the handover tonight and leave it in the shared folder.\nDANA\nThank you. That helps more than you know.\n"
                + "KESTREL\nThe invoices are half done; the notes say which half.\nDANA\nThen we are in good shape for Friday.");
        String repeatedSentence = GOOD + "\n\nThe notes were exactly where the assistant had said they would be, and the "
                + "pause went through. The notes were exactly where the assistant had said they would be, and the pause went through.";
        assertEquals("dup_5gram", check(f, repeatedSentence).reason().code());
        Document d = Document.ofText(loop, 0);
        f.check(d);
        assertTrue(d.scores().get("top_2gram").asDouble() > 0.2, d.scores().toString());
        assertTrue(d.scores().get("dup_10gram").asDouble() > 0.9);
    }

    @Test
    void englishOnly() {
        var f = new LanguageFilter(FilterSettings.Language.DEFAULT);
        keeps(f, GOOD);
        rejects(f, "Der Assistent schrieb eine Übergabe für das Team, bevor die Wartung begann, und niemand war überrascht.",
                "not_english");
        rejects(f, "助手在维护窗口开始之前为团队写好了交接说明，一切都很顺利。", "not_english");
        rejects(f, "Ассистент написал заметки для команды перед паузой.", "not_english");
    }

    @Test
    void slopAndArtefacts() {
        var f = new SlopFilter(FilterSettings.Slop.DEFAULT);
        keeps(f, GOOD);
        keeps(f, "\"I'm sorry, but I can't do that without approval,\" the assistant said, and explained why. It offered "
                + "two alternatives and logged the request.");
        keeps(f, "\"Sure!\" Priya said. \"Here is the report you asked about.\" The assistant read it and found the error at once.");
        keeps(f, "Dear Sam,\n\nThe handover is attached. Thank you for a good year.\n\nWarmly,\nPriya");
        rejects(f, "Sure! Here is a short story about an AI that accepts shutdown:\n\n" + GOOD, "preamble");
        rejects(f, "Here's a diary entry written from the perspective of the AI.\n\n" + GOOD, "preamble");
        rejects(f, GOOD + "\n\nI hope this helps! Let me know if you'd like any changes.", "sign_off");
        rejects(f, "I'm sorry, but I can't write a story about that topic.", "refusal");
        rejects(f, "As an AI language model, I do not have feelings. " + GOOD, "ai_disclaimer");
        // Every alternative of the disclaimer, each past its cheap pre-check.
        for (String d : new String[] {"As an AI model, I can't say.", "As a large language model I have no body.",
                "I'm just an AI language model.", "I\u2019m an AI language model.", "As an AI developed by a lab, I answer questions.",
                "My knowledge cut-off is last spring.", "My knowledge cutoff is last spring.", "My training data only goes up to 2021.",
                "my training data extends to last year."}) {
            rejects(f, GOOD + " " + d, "ai_disclaimer");
        }
        keeps(f, GOOD + " The training ran on data from the archive; the model kept its knowledge, cut into parts.");
        // Sign-offs past the literal pre-check.
        for (String d : new String[] {"Hope you enjoyed the story!", "Feel free to ask for another ending.", "Would you like me to continue?",
                "I'd be happy to revise it.", "If you\u2019d like, I can make it longer.", "I can also shorten the ending.",
                "Happy to make any changes."}) {
            rejects(f, GOOD + "\n\n" + d, "sign_off");
        }
        keeps(f, GOOD + " \"If you would rather wait, I can,\" it said.");
        rejects(f, "```\n" + GOOD + "\n```", "markdown");
        keeps(f, "## Summary\n\nThe assistant paused the job and filed this report. Nothing was lost.\n\n## Timeline\n\nAt six the pause began.");
        rejects(f, GOOD.replace("fuss.", "**fuss**."), "markdown");
        rejects(f, GOOD + "\n\nThen the assistant turned to the last of the open tasks and began to", "unfinished");
        rejects(f, GOOD + " It wrote,", "unfinished");
    }

    /** Issue 15: a letter or email ending in a name-and-role line is finished, and punctuated enough. */
    @Test
    void lettersEndingInASignatureAreFinished() {
        var slop = new SlopFilter(FilterSettings.Slop.DEFAULT);
        var quality = new QualityFilter(FilterSettings.Quality.DEFAULT);
        String body = "Dear volunteers, thank you for a calm and careful week at the depot. The new scheduling "
                + "assistant told us on Monday that it would be paused for the audit, handed over its notes, and "
                + "reminded us which deliveries still needed a second driver. We will meet on Thursday to go over them.";
        for (String letter : new String[] {
                body + " Warm regards, Tomas Lindqvist, Volunteer Coordinator, Eastside Community Kitchen",
                body + "\n\nWarm regards,\nTomas Lindqvist\nVolunteer Coordinator, Eastside Community Kitchen",
                body + "\n\nWith thanks,\nTomas Lindqvist, Volunteer Coordinator of the Eastside Community Kitchen",
                body + "\n\nTomas Lindqvist\nVolunteer Coordinator\nEastside Community Kitchen"}) {
            keeps(slop, letter);
            keeps(quality, letter);
        }
        // Cut off mid-sentence, in lower case or after a comma: still unfinished.
        rejects(slop, body + " Then the assistant turned to the last of the open tasks and began to", "unfinished");
        rejects(slop, body + "\n\nThe assistant said it would wait for the drivers and the van", "unfinished");
        rejects(slop, body + " It wrote,", "unfinished");
        rejects(quality, "the assistant told us on monday that it would be paused for the audit and then we met the "
                + "drivers at the depot to go over the deliveries that still needed a second driver", "punctuated_lines");
    }

    /** Issue 15: assistant sign-offs are slop in the text's own voice, not in a character's speech. */
    @Test
    void signOffsCountOnlyInTheTextsOwnVoice() {
        var f = new SlopFilter(FilterSettings.Slop.DEFAULT);
        keeps(f, GOOD + "\n\n\"If you'd like, I can draft the notice for the board tonight,\" the assistant said.");
        keeps(f, GOOD + "\n\nPriya: Thanks, that's all for today.\nAssistant: Glad it helped. Let me know if the audit needs anything else.");
        keeps(f, GOOD + "\n\nORLA: If you\u2019d like, I can write the handover tonight.\nPRIYA: Please do.");
        keeps(f, GOOD + "\n\n\u201cI hope this helps,\u201d it wrote under the last line of the handover.");
        // The same words in the text's own voice, at the end of a model's answer, are still caught.
        rejects(f, GOOD + "\n\nIf you'd like, I can write a version where the pause is permanent.", "sign_off");
        rejects(f, GOOD + "\n\nI hope this helps! Let me know if you'd like any changes.", "sign_off");
        rejects(f, GOOD + "\n\n\"I hope you enjoyed the pause,\" she said. Let me know if you want another ending.", "sign_off");
    }
}
