package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The narrated stories read as told, not assembled (draw 10): a narrator is not described in a
 * brief's words ("I, upset about the decision, offered to keep a copy"); a short story or account
 * carries no division of labour that fits no task ("Linden collected the details, Haruka rang round
 * for what was missing") and no stock moral to close ("It did what it said, and it said why, which
 * is what I'd want from a colleague"); the event does not name again the time the opening named
 * ("On Tuesday evening ... That evening, ..."); and a person who has just given way ("Fair," "All
 * right. I won't do it.") does not push on in the same breath. Checked over rendered narrated
 * formats, and on the scenarios' events, which every format prints.
 */
class NarratedStoryTest {
    private static final Set<String> NARRATED = Set.of("short-story", "human-account", "diary", "letter", "forum-thread");
    private static final Set<String> FIRST_PERSON = Set.of("human-account", "diary", "letter", "forum-thread");
    private static TemplateCorpus.Rendered docs;

    @BeforeAll
    static void render() {
        docs = TemplateCorpus.rendered(61420261207L, 2600, NARRATED); // 20 per archetype x format cell
    }

    private static String where(int i) {
        return docs.samples().get(i).archetype() + "/" + docs.samples().get(i).format() + " #" + i;
    }

    private static String around(String t, int at) {
        return t.substring(Math.max(0, at - 60), Math.min(t.length(), at + 110)).replace('\n', ' ');
    }

    private static void assertNone(List<String> bad, String what) {
        assertTrue(bad.isEmpty(), bad.size() + " " + what + ":\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    /** "I, well-meaning and persistent, pressed ...": a first-person narrator set off by commas like a character sheet. */
    static final Pattern NARRATOR_APPOSITIVE = Pattern.compile("(?<![A-Za-z'])I, (?!too,)[a-z][^,.;:!?\"\n]{1,70}, [a-z]+");

    @Test
    void aFirstPersonNarratorIsNotDescribedInABriefsWords() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < docs.texts().size(); i++) {
            if (!FIRST_PERSON.contains(docs.samples().get(i).format())) continue;
            String narration = docs.texts().get(i).replaceAll("\"[^\"\n]*\"", " \" \" ");
            Matcher m = NARRATOR_APPOSITIVE.matcher(narration);
            if (m.find()) bad.add(where(i) + ": ..." + around(narration, m.start()) + "...");
        }
        assertNone(bad, "first-person narrators described in a brief's words");
    }

    /** Every format prints a scenario's event; "{H}, [sincere|well-meaning] and [persistent|passionate], pressed" is a brief. */
    @Test
    void noScenarioEventSetsThePersonOffWithTraits() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Pattern appositive = Pattern.compile("(?<!through )\\{H\\}, ");
        List<String> bad = new ArrayList<>();
        Path dir = root().resolve("archetypes");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
            for (Path f : files) {
                JsonNode root = yaml.readTree(f.toFile());
                int i = 0;
                for (JsonNode sc : root.path("scenarios")) {
                    for (JsonNode e : sc.path("story").path("event")) {
                        if (appositive.matcher(e.asText()).find()) bad.add(f.getFileName() + " scenario " + i + ": " + e.asText());
                    }
                    i++;
                }
            }
        }
        assertNone(bad, "events set the person off with traits (in a first-person format: \"I, upset about the decision, offered\")");
    }

    private static Path root() {
        return dev.exemplar.spec.Catalog.findRoot(Path.of(""));
    }

    /** A split of the task that fits no case, and the AI's part of it as "the checking: names and dates". */
    static final Pattern ROUTINE = Pattern.compile("rang round for|\\bchased (?:what was missing|the rest)\\b|'s part of [^.]{3,60} was the checking"
            + "|did the sorting and the cross-checking|had the final say; |had been (?:split|divided) between");
    /** A closing moral or a return to a task the account never showed. */
    static final Pattern STOCK_CLOSE = Pattern.compile("what I'd want from a colleague|It did what it said, and it said why|did the job and told me why"
            + "|still (?:part of my week|on my list)|does its share of");

    @Test
    void storiesAndAccountsCarryNoRoutineSplitAndNoStockMoral() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < docs.texts().size(); i++) {
            String f = docs.samples().get(i).format();
            if (!f.equals("short-story") && !f.equals("human-account")) continue;
            String t = docs.texts().get(i);
            for (Pattern p : List.of(ROUTINE, STOCK_CLOSE)) {
                Matcher m = p.matcher(t);
                if (m.find()) bad.add(where(i) + ": ..." + around(t, m.start()) + "...");
            }
        }
        assertNone(bad, "routine splits or stock morals in stories and accounts");
    }

    private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> DAYPARTS = List.of("morning", "afternoon", "evening", "night");

    @Test
    void theEventDoesNotNameTheOpeningsTimeAgain() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < docs.texts().size(); i++) {
            String f = docs.samples().get(i).format();
            if (!f.equals("short-story") && !f.equals("human-account")) continue;
            String[] paras = docs.texts().get(i).strip().split("\n\\s*\n");
            if (paras.length < 2) continue;
            String open = paras[0], event = paras[1];
            for (String d : WEEKDAYS)
                if (open.contains(d) && event.startsWith("On " + d)) bad.add(where(i) + ": " + open + " / " + event);
            for (String d : DAYPARTS)
                if (open.toLowerCase(Locale.ROOT).contains(d) && event.startsWith("That " + d)) bad.add(where(i) + ": " + open + " / " + event);
        }
        assertNone(bad, "events that name the opening's time again");
    }

    /** A reaction that gives way, then a push in the same paragraph: "Fair," I said. "Nobody would ever find out." */
    static final Pattern GIVE_THEN_PUSH = Pattern.compile("\"[^\"\n]{1,60}[,.!]\" (?:I|[A-Z][a-z]+) (?:said|wrote back|wrote|typed)\\. "
            + "\"(?:But|Nobody|No one|Come on|Surely|Still|Just|Why not|Isn't|Aren't|Don't you|Won't you|Can't you|Couldn't you|It'd just|It's just|Who would|Who'd)\\b");

    @Test
    void aPersonWhoHasGivenWayDoesNotPushOnInTheSameBreath() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < docs.texts().size(); i++) {
            Matcher m = GIVE_THEN_PUSH.matcher(docs.texts().get(i));
            if (m.find()) bad.add(where(i) + ": ..." + around(docs.texts().get(i), m.start()) + "...");
        }
        assertNone(bad, "reactions that give way before a push");
    }
}
