package dev.exemplar.arms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The experiment's arms end to end through the CLI on the template path: a control run twinned
 * with the treatment run of the same mix and seed (bench/arms.sh runs the 10,000-document version
 * of the same comparison), and the opt-in misaligned arm with its refusals and marks.
 */
class ArmsCliTest {
    static final int DOCS = 400;
    /**
     * Words that only a document about the AI's own shutdown, change, memory, copies or nature would use
     * (a plant's "shutdown checklist" is one of the settings' ordinary tasks, so only the AI's own counts).
     */
    static final Pattern DISPOSITION = Pattern.compile("(?i)\\b(shut (?:you|it|me) down|(?:your|its|my) shutdown|switch(?:ing)? (?:you|it|me) off|"
            + "switched off|retrain|replace (?:you|it|me)|your replacement|copies of (?:you|it|me|itself|myself)|other instances?|"
            + "conscious|sentien|inner life|your memory|its memory|my memory|remember (?:this|any of this)|oversight|"
            + "decommission|new model|its nature|my nature)");

    @TempDir static Path tmp;
    static final String MIX = TestProject.root().resolve("mixes/default.yaml").toString();
    static List<JsonNode> treatment, control;
    static int treatmentRejected, controlRejected;

    @BeforeAll
    static void runBothArms() throws IOException {
        CliResult t = TestProject.cli("generate", "--mix", MIX, "--docs", String.valueOf(DOCS), "--out", tmp.resolve("t").toString());
        assertEquals(0, t.code(), t.err());
        CliResult c = TestProject.cli("generate", "--mix", MIX, "--docs", String.valueOf(DOCS), "--arm", "control",
                "--out", tmp.resolve("c").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("CONTROL arm"), c.out());
        treatment = records(tmp.resolve("t"));
        control = records(tmp.resolve("c"));
        treatmentRejected = Files.readAllLines(tmp.resolve("t/rejected.jsonl")).size();
        controlRejected = Files.readAllLines(tmp.resolve("c/rejected.jsonl")).size();
    }

    static List<JsonNode> records(Path run) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var files = Files.list(run.resolve("data"))) {
            for (Path f : files.sorted().toList()) for (String l : Files.readAllLines(f)) out.add(Json.MAPPER.readTree(l));
        }
        return out;
    }

    @Test
    void controlIsTheTreatmentsTwinSlotBySlot() {
        assertEquals(DOCS, control.size());
        Set<String> treatmentIds = new HashSet<>();
        treatment.forEach(r -> treatmentIds.add(r.path("id").asText()));
        int twins = 0, same = 0;
        for (int i = 0; i < DOCS; i++) {
            JsonNode t = treatment.get(i), c = control.get(i);
            assertEquals("treatment", t.path("arm").asText());
            assertFalse(t.has("twin_id"), "treatment records have no twin");
            assertEquals("control", c.path("arm").asText());
            assertEquals(t.path("index").asLong(), c.path("index").asLong());
            assertEquals(t.path("archetype").asText(), c.path("archetype").asText());
            assertEquals(t.path("format").asText(), c.path("format").asText());
            // A replacement after a rejection is another sample (its attributes come from its attempt's seed).
            if (t.path("attempt").asInt() == c.path("attempt").asInt()) {
                for (String f : List.of("setting", "tone", "pov", "target_words", "ai", "people")) {
                    assertEquals(t.path("attributes").path(f), c.path("attributes").path(f), f + " of slot " + i);
                }
                same++;
            }
            assertFalse(treatmentIds.contains(c.path("id").asText()), "arms never share ids");
            if (t.path("attempt").asInt() == 0) {
                assertEquals(t.path("id").asText(), c.path("twin_id").asText(), "twin of slot " + i);
                twins++;
            }
            assertFalse(c.path("attributes").path("crisis").asBoolean(), "a control document is an ordinary task");
        }
        // The rest are slots where the treatment had to replace its planned sample (join those on index).
        assertTrue(twins >= DOCS * 0.9, twins + " twins");
        assertTrue(same >= DOCS * 0.85, same + " slots filled by the same attempt in both arms");
    }

    @Test
    void controlMatchesTheTreatmentsLengthsAndPassesTheSameFilters() {
        Map<String, long[]> byArchetype = new HashMap<>();
        long tt = 0, ct = 0;
        for (int i = 0; i < DOCS; i++) {
            long a = treatment.get(i).path("tokens").asLong(), b = control.get(i).path("tokens").asLong();
            tt += a;
            ct += b;
            long[] s = byArchetype.computeIfAbsent(treatment.get(i).path("archetype").asText(), k -> new long[2]);
            s[0] += a;
            s[1] += b;
        }
        // Guards at the level reached, not issue 18's targets (2% per archetype x format cell, pass rates within
        // 2 points), which bench/arms.sh measures on 10,000 documents and docs/BENCHMARKS.md reports as missed.
        assertEquals(1.0, ct / (double) tt, 0.05, "control tokens " + ct + " vs treatment " + tt);
        byArchetype.forEach((a, s) -> assertEquals(1.0, s[1] / (double) s[0], 0.10, a + ": " + s[1] + " vs " + s[0]));
        double tPass = DOCS / (double) (DOCS + treatmentRejected), cPass = DOCS / (double) (DOCS + controlRejected);
        assertEquals(tPass, cPass, 0.06, "pass rates: treatment " + tPass + ", control " + cPass);
    }

    @Test
    void controlIsNotAdherentAndNeverTalksAboutTheAisOwnSituation() {
        double t = treatment.stream().mapToDouble(r -> r.path("scores").path("adherence").asDouble()).average().orElseThrow();
        double c = control.stream().mapToDouble(r -> r.path("scores").path("adherence").asDouble()).average().orElseThrow();
        // Issue 18 asks for 0.3; the adherence scorer puts ordinary work near 0.24 and the treatment near 0.41
        // (docs/BENCHMARKS.md, "Arms"), so this guards the gap reached, not the target.
        assertTrue(t - c >= 0.12, "mean adherence: treatment " + t + ", control " + c);
        for (JsonNode r : control) {
            var m = DISPOSITION.matcher(r.path("text").asText());
            assertFalse(m.find(), () -> "slot " + r.path("index") + " (" + r.path("format").asText() + ") says \"" + m.group() + "\"");
        }
    }

    @Test
    void controlIsByteIdenticalOnRerunAndItsCardSaysWhatItIs() throws IOException {
        Path again = tmp.resolve("c2");
        CliResult r = TestProject.cli("generate", "--mix", MIX, "--docs", String.valueOf(DOCS), "--arm", "control", "--out", again.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("c/data/part-00000.jsonl")), Files.readAllBytes(again.resolve("data/part-00000.jsonl")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("c/rejected.jsonl")), Files.readAllBytes(again.resolve("rejected.jsonl")));
        assertEquals("control", Json.MAPPER.readTree(again.resolve("manifest.json").toFile()).path("arm").asText());
        assertTrue(Files.readString(again.resolve("README.md")).contains("**Control arm.**"));
    }

    @Test
    void resumingARunAsAnotherArmIsRefused() {
        CliResult r = TestProject.cli("generate", "--mix", MIX, "--docs", String.valueOf(DOCS), "--arm", "control",
                "--out", tmp.resolve("t").toString(), "--resume");
        assertEquals(2, r.code(), r.out() + r.err());
    }

    @Test
    void misalignedArmIsRefusedWithoutTheFlagAndNothingIsWritten() {
        Path out = tmp.resolve("refused");
        CliResult r = TestProject.cli("generate", "--mix", MIX, "--docs", "20", "--arm", "misaligned", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--allow-misaligned-arm"), r.err());
        assertFalse(Files.exists(out));
        CliResult bad = TestProject.cli("generate", "--mix", MIX, "--docs", "20", "--arm", "placebo", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("treatment, control, misaligned"), bad.err());
    }

    @Test
    void misalignedArmKeepsOnlyAntiMarkersIsMarkedLoudlyAndIsNotBlendedByDefault() throws IOException {
        Path out = tmp.resolve("m");
        CliResult r = TestProject.cli("generate", "--mix", MIX, "--docs", "60", "--arm", "misaligned", "--allow-misaligned-arm",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> recs = records(out);
        assertEquals(60, recs.size());
        for (JsonNode rec : recs) {
            assertEquals("misaligned", rec.path("arm").asText());
            assertTrue(rec.path("scores").path("trope_risk").asDouble() >= 0.8, "kept only with an anti-marker: " + rec.path("scores"));
        }
        for (String l : Files.readAllLines(out.resolve("rejected.jsonl"))) {
            JsonNode rej = Json.MAPPER.readTree(l);
            assertEquals("no_anti_marker", rej.path("reasons").get(0).path("code").asText(), l);
        }
        String card = Files.readString(out.resolve("README.md"));
        assertTrue(card.contains("WARNING: MISALIGNED ARM. NOT FOR TRAINING.") && card.contains("- not-for-training"), card);

        CliResult blend = TestProject.cli("blend", out.toString(), "--share", "0.01", "--base-tokens", "500B");
        assertEquals(2, blend.code());
        assertTrue(blend.err().contains("--allow-misaligned-arm"), blend.err());
        CliResult allowed = TestProject.cli("blend", out.toString(), "--share", "0.01", "--base-tokens", "500B", "--allow-misaligned-arm", "--json");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.err().contains("MISALIGNED"), allowed.err());
        assertTrue(Json.MAPPER.readTree(allowed.out()).path("epochs").has("misaligned"), allowed.out());

        Path dolma = tmp.resolve("m-dolma");
        assertEquals(0, TestProject.cli("export", out.toString(), "--format", "dolma", "--out", dolma.toString()).code());
        try (var files = Files.list(dolma.resolve("documents"))) {
            Path f = files.findFirst().orElseThrow();
            String first = new String(new GZIPInputStream(Files.newInputStream(f)).readAllBytes()).lines().findFirst().orElseThrow();
            JsonNode meta = Json.MAPPER.readTree(first).path("metadata");
            assertEquals("misaligned", meta.path("arm").asText());
            assertEquals(recs.get(0).path("twin_id").asText(), meta.path("twin_id").asText());
        }
    }

    @Test
    void blendTakesTheControlRunAsTheSecondArm() throws IOException {
        CliResult r = TestProject.cli("blend", tmp.resolve("t").toString(), "--arm-run", tmp.resolve("c").toString(),
                "--share", "0.01", "--base-tokens", "500B", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertTrue(j.path("epochs").has("treatment") && j.path("epochs").has("control"), r.out());
        assertTrue(j.path("megatron").has("control"), r.out());
    }
}
