package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.generate.template.StoryLibrary;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.FormatSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * People carry names of their setting's place (readers found a Welsh dentist and an Irish
 * receptionist in Istanbul, a Greek locksmith in Naples, Czech and Scottish instructors in Kraków):
 * the {@code places} bank maps every shipped setting's place to name cultures, and most people
 * drawn there, the outsider (a reporter, a letter's recipient) too, carry a name of one of them.
 */
class PlacesTest {
    @TempDir Path tmp;

    private final AttributeBanks banks = AttributeBanks.load(TestProject.root().resolve("templates"));

    /** given name -> its culture, over the shipped names. */
    private Map<String, String> cultureOf() {
        Map<String, String> out = new HashMap<>();
        for (JsonNode g : banks.list("given_names")) out.put(g.path("name").asText(), g.path("culture").asText());
        return out;
    }

    @Test
    void thePlaceIsTheEndOfTheSettingsName() {
        assertEquals("Naples", Places.place("a call-out locksmith in Naples"));
        assertEquals("Dolomites", Places.place("a mountain hut in the Dolomites"));
        assertEquals("Nakuru", Places.place("a market-garden farm near Nakuru"));
        assertEquals("Île de Ré", Places.place("a salt works on the Île de Ré"));
        assertEquals("Łódź", Places.place("a warehouse outside Łódź"));
        assertEquals("Hay-on-Wye", Places.place("a small bookshop in Hay-on-Wye"));
        assertEquals("an orbital research station", Places.place("an orbital research station"));
    }

    @Test
    void everyShippedSettingsPlaceHasCulturesWithNames() {
        assertEquals(List.of(), Places.check(banks));
        Places places = new Places(banks.list("places"), banks.list("given_names"));
        for (JsonNode s : banks.list("settings")) {
            String name = s.path("name").asText();
            assertFalse(places.cultures(name).isEmpty(), name);
        }
        assertEquals(List.of("italian"), places.cultures("a call-out locksmith in Naples"));
        assertEquals(List.of("turkish"), places.cultures("a dental practice in Istanbul"));
        assertEquals(List.of("polish"), places.cultures("a driving school in Kraków"));
        assertEquals(List.of("ugandan"), places.cultures("a radiology department in Kampala"));
    }

    @Test
    void mostPeopleAtASettingCarryLocalNamesAndTheRestComeFromAnywhere() {
        Catalog catalog = Catalog.load(TestProject.root());
        AttributeSampler sampler = AttributeSampler.of(catalog);
        Places places = new Places(banks.list("places"), banks.list("given_names"));
        Map<String, String> cultureOf = cultureOf();
        FormatSpec format = catalog.formats().get("news-article");
        int people = 0, local = 0;
        Set<String> foreign = new java.util.TreeSet<>();
        int i = 0;
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (int k = 0; k < 150; k++, i++) {
                PlannedSample s = sampler.sample(i, "id", Seeds.forSample(5, i), spec, format, "template");
                List<String> here = places.cultures(s.setting());
                // With mostly local names from a few per culture, two people must not share a family name.
                assertNotEquals(s.people().get(0).familyName(), s.people().get(1).familyName(), s.people().toString());
                for (Person p : s.people()) {
                    people++;
                    String c = cultureOf.get(p.givenName());
                    if (here.contains(c)) local++;
                    else foreign.add(c);
                }
            }
        }
        double share = (double) local / people;
        assertTrue(share >= 0.7 && share <= 0.95, "local share " + share + " of " + people);
        assertTrue(foreign.size() > 20, "the rest come from anywhere: " + foreign);
        // Same seed, same people.
        ArchetypeSpec first = catalog.archetypes().values().iterator().next();
        assertEquals(sampler.sample(3, "id", 42, first, format, "template").people(),
                AttributeSampler.of(catalog).sample(3, "id", 42, first, format, "template").people());
    }

    @Test
    void atOneSettingAtLeastSeventyPercentAreLocalAndTheOutsiderToo() {
        Places places = new Places(banks.list("places"), banks.list("given_names"));
        Map<String, String> cultureOf = cultureOf();
        StoryLibrary library = StoryLibrary.load(Catalog.load(TestProject.root()));
        String naples = "a call-out locksmith in Naples";
        SplittableRandom rng = new SplittableRandom(7);
        int person = 0, outsider = 0, n = 4000;
        for (int k = 0; k < n; k++) {
            if (cultureOf.get(places.given(rng, naples).path("name").asText()).equals("italian")) person++;
            String[] r = library.outsider(rng, Set.of("Giulia"), Set.of("Esposito"), naples);
            if (cultureOf.get(r[0]).equals("italian")) outsider++;
            assertNotEquals("Giulia", r[0]);
            assertNotEquals("Esposito", r[1]);
        }
        assertTrue(person >= 0.7 * n, "Italian names in Naples: " + person + " of " + n);
        assertTrue(outsider >= 0.7 * n, "Italian outsiders in Naples: " + outsider + " of " + n);
        assertTrue(person < 0.95 * n, "a few people from elsewhere: " + person + " of " + n);
    }

    @Test
    void anUnknownPlaceOrCultureIsAnErrorWithFileLineAndNearestName() throws IOException {
        Path root = TestProject.copyProject(tmp.resolve("proj"));
        Path placesFile = root.resolve("templates/banks/places.yaml");
        String text = Files.readString(placesFile)
                .replace("{place: Kampala, cultures: [ugandan]}", "{place: Kampla, cultures: [ugandan]}")
                .replace("{place: Naples, cultures: [italian]}", "{place: Naples, cultures: [italain]}");
        Files.writeString(placesFile, text);
        int naplesLine = lineOf(text, "place: Naples,");
        int naplesIndex = indexOf(text, "place: Naples,");
        String settings = Files.readString(root.resolve("templates/banks/settings.yaml"));
        int kampalaLine = lineOf(settings, "- name: a radiology department in Kampala");
        int kampalaIndex = (int) settings.lines().filter(l -> l.startsWith("  - name: ")).takeWhile(l -> !l.contains("Kampala")).count();
        ConfigException e = assertThrows(ConfigException.class, () -> AttributeSampler.of(Catalog.load(root)));
        String m = e.getMessage();
        assertTrue(m.contains("places.yaml:" + naplesLine + ": places." + naplesIndex + ".cultures: \"italain\" is not a culture "
                + "of given_names (did you mean \"italian\"?)"), m);
        assertTrue(m.contains("settings.yaml:" + kampalaLine + ": settings." + kampalaIndex + ".name: the place of "
                + "\"a radiology department in Kampala\" is \"Kampala\", which is not in templates/banks/places.yaml "
                + "(did you mean \"Kampla\"?)"), m);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle);
    }

    /** The index of the places row containing {@code needle}. */
    private static int indexOf(String text, String needle) {
        int k = -1;
        for (String l : text.lines().toList()) {
            if (l.startsWith("  - {place:")) k++;
            if (l.contains(needle)) return k;
        }
        throw new AssertionError(needle);
    }
}
