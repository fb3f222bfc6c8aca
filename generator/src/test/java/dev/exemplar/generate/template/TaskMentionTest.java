package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long task name is said in full once a document and by its head noun after that: blind readers
 * found "the annual inspection notes" seven times in one document, a slot filled in mechanically.
 */
class TaskMentionTest {
    @Test
    void theShortFormIsTheArticleAndTheHeadNoun() {
        assertEquals("the minutes", NounPhrase.of("the annual inspection minutes").shortForm());
        assertEquals("the sterilisation log", NounPhrase.of("the sterilisation log").shortForm(), "'the log' is the frame's own word");
        assertEquals("the request", NounPhrase.of("a tenant's repair request").shortForm());
        assertEquals("the order", NounPhrase.of("the grain order from the mill").shortForm());
        assertEquals("the rota", NounPhrase.of("the lab-meeting rota").shortForm());
        assertEquals("the rota", NounPhrase.of("the rota").shortForm());
    }

    @Test
    void aLongTaskNameIsSaidInFullOnceADocument() throws Exception {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (PlannedSample s : TemplateCorpus.samples(20261209L, 650)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            Map<String, String> vars = d.model().expansion().variables();
            String full = vars.get("task"), shortForm = vars.get("task.short");
            if (full == null || full.equals(shortForm)) continue;
            checked++;
            // The AI's role may contain the task's words ("the sterilisation log checker"): it is not a mention.
            String text = d.text().replace(s.ai().role(), "");
            var m = Pattern.compile("(?i)\\b" + Pattern.quote(full.replaceFirst("^(the|a|an) ", "")) + "\\b").matcher(text);
            int n = 0;
            while (m.find()) n++;
            if (n > 1) bad.add(s.archetype() + "/" + s.format() + " #" + s.index() + ": \"" + full + "\" " + n + " times");
        }
        assertTrue(checked > 400, "documents checked: " + checked);
        assertTrue(bad.isEmpty(), String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }
}
