package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.LocatedYaml;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Draw 11: a Barossa Valley grape harvest was dated October (the southern vintage runs February to
 * April). A task of one time of year says when in the bank, the place says its hemisphere, and the
 * document is dated in that time; a prop of one season ("cicadas") carries the season's tag.
 */
class SeasonFitTest {
    /** Words that tie a task to a time of year; a task with one must say when. */
    private static final Pattern SEASONAL = Pattern.compile("\\b(harvest|picking|christmas|winter|summer|autumn|lambing"
            + "|calving|frost|heatwave|snow\\w*|avalanche|pack ice|monsoon|typhoon|cyclone|fire-season|peak season|festival)\\b");

    @Test
    void everySeasonalTaskSaysWhen() {
        List<String> unmarked = new ArrayList<>();
        JsonNode settings = LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/settings.yaml")).root().get("settings");
        for (JsonNode s : settings) {
            for (JsonNode r : s.path("roles")) {
                for (JsonNode t : r.path("tasks")) {
                    NounPhrase np = NounPhrase.of(t.asText());
                    if (SEASONAL.matcher(np.text().toLowerCase(Locale.ROOT)).find() && np.when().isEmpty()) {
                        unmarked.add(s.path("name").asText() + ": " + np.text());
                    }
                }
            }
        }
        assertEquals(List.of(), unmarked, "a seasonal task ends with its time of year: \"(autumn)\" or \"(November, December)\"");
    }

    @Test
    void seasonsTurnForTheSouthAndMonthsStay() {
        NounPhrase picking = NounPhrase.of("the picking order for the blocks (February, March, April)");
        assertEquals("the picking order for the blocks", picking.text());
        assertEquals(EnumSet.of(Month.FEBRUARY, Month.MARCH, Month.APRIL), picking.months(true));
        NounPhrase feed = NounPhrase.of("the winter feed budget (autumn, winter) (sg)");
        assertEquals("the winter feed budget", feed.text());
        assertFalse(feed.plural());
        assertEquals(EnumSet.of(Month.MARCH, Month.APRIL, Month.MAY, Month.JUNE, Month.JULY, Month.AUGUST), feed.months(true));
        assertEquals(EnumSet.of(Month.SEPTEMBER, Month.OCTOBER, Month.NOVEMBER, Month.DECEMBER, Month.JANUARY, Month.FEBRUARY),
                feed.months(false));
        assertEquals(EnumSet.allOf(Month.class), NounPhrase.of("the price labels").months(true));
        assertEquals("(Sundays)", NounPhrase.of("the rota (Sundays)").unknownMarker());
        World october = new World(LocalDate.of(2031, 10, 31), "morning", 600, 40);
        assertEquals("spring", october.season(true));
        assertEquals("autumn", october.season(false));
        World moved = october.inMonths(picking.months(true), new SplittableRandom(3));
        assertTrue(picking.months(true).contains(moved.date().getMonth()), moved.date().toString());
        assertEquals(2031, moved.date().getYear());
        assertSame(october, october.inMonths(EnumSet.of(Month.OCTOBER), new SplittableRandom(3)));
    }

    /** Rendered: a document whose task has a time of year is dated in it, in its place's hemisphere. */
    @Test
    void documentsAreDatedInTheirTasksSeason() {
        StoryLibrary library = TemplateCorpus.GENERATOR.library();
        int seasonal = 0;
        List<String> wrong = new ArrayList<>();
        for (PlannedSample s : TemplateCorpus.samples(20261208L, 1500)) {
            StoryModel m = StoryModel.build(s, TemplateCorpus.CATALOG, library, new SplittableRandom(s.seed()));
            String task = m.expansion().variables().get("task");
            StoryLibrary.Role role = library.role(s.setting(), s.ai().role());
            for (NounPhrase t : role.tasks()) {
                if (!t.text().equals(task) || t.when().isEmpty()) continue;
                seasonal++;
                boolean south = library.south(s.setting());
                if (!t.months(south).contains(m.world().date().getMonth())) {
                    wrong.add(s.setting() + ": " + task + " dated " + m.world().plainDate());
                }
                assertTrue(m.tags().contains(m.world().season(south)), "a document carries its season as a tag");
            }
        }
        assertTrue(seasonal > 20, "only " + seasonal + " documents drew a seasonal task");
        assertEquals(List.of(), wrong);
    }
}
