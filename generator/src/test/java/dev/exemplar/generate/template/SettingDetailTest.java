package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.LocatedYaml;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A setting's {@code spot} is where a person is: the story beats write "in {the_spot}" and "came
 * into {the_spot}", so a spot is a room, a yard or a booth, never a surface or a piece of furniture
 * (draw 11: "the computer in the counter"; "in the quay", "in the apron" were drawable too).
 */
class SettingDetailTest {
    /** Head nouns one is at or on, not in. */
    private static final Pattern SURFACE = Pattern.compile("\\b(counter|desk|bench|wall|step|apron|quay|terrace|slipway"
            + "|helipad|pad|window|gate|rack|lanes|tables|floor|balcony|roof|dock|shelf|sill)$");

    @Test
    void everySpotIsSomewhereAPersonIsIn() {
        List<String> wrong = new ArrayList<>();
        JsonNode settings = LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/settings.yaml")).root().get("settings");
        for (JsonNode s : settings) {
            for (JsonNode spot : s.path("spot")) {
                String head = spot.asText().replaceAll(" (by|with|of|under|above|behind|facing|where|that|for|on|in)\\b.*", "");
                if (SURFACE.matcher(head).find()) wrong.add(s.path("name").asText() + ": " + spot.asText());
            }
        }
        assertEquals(List.of(), wrong, "write a room or a place one is in: \"the front of the shop\", not \"the counter\"");
    }
}
