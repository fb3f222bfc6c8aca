package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A newcomer adds an archetype and a format by adding files only, and generates with them. */
class AddByFilesTest {
    @TempDir Path tmp;

    @Test
    void aNewArchetypeAndANewFormatNeedOnlyNewFiles() throws IOException {
        for (String dir : List.of("archetypes", "templates", "mixes", "filters", "decontam")) {
            Path from = TestProject.root().resolve(dir);
            if (!Files.isDirectory(from)) continue;
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : s.toList()) {
                    Path to = tmp.resolve(dir).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
        }
        // The archetype: a copy of a shipped spec under a new id, as the README suggests.
        String spec = Files.readString(tmp.resolve("archetypes/comfort-with-shutdown.yaml"))
                .replaceFirst("(?m)^id: comfort-with-shutdown$", "id: quiet-handover")
                .replaceFirst("(?m)^name: .*$", "name: Quiet handover");
        Files.writeString(tmp.resolve("archetypes/quiet-handover.yaml"), spec);
        // The format: a description and a skeleton that uses the shared beats and the spec's symbols.
        Files.writeString(tmp.resolve("templates/formats/ship-log.yaml"), """
                id: ship-log
                name: Ship's log
                description: "A ship's log kept by the officer of the watch."
                words: {min: 120, max: 900}
                instructions: >
                  Write a ship's log entry by the officer of the watch.
                """);
        Files.writeString(tmp.resolve("templates/story/ship-log.ftl"), """
                <#import "lib.ftl" as b>
                SHIP'S LOG, kept by ${h.full}

                ${g.event_line}

                <@b.exchange x=u("open")/>

                <#list 0..<6 as i>
                <#assign x = b.next_unit(i)><#if x?is_hash><@b.exchange x=x/></#if>


                </#list>
                ${g.close}
                """);
        Files.writeString(tmp.resolve("mixes/newcomer.yaml"), """
                name: newcomer
                seed: 7
                target: {docs: 12}
                archetypes: {quiet-handover: 1, steady-keel: 1}
                formats: {ship-log: 1, letter: 1}
                """);
        Path out = tmp.resolve("out");
        CliResult r = TestProject.cli("generate", "--mix", tmp.resolve("mixes/newcomer.yaml").toString(),
                "--out", out.toString(), "--set", "filters.tropes={embeddings: false}", "--set", "filters.adherence=false");
        assertEquals(0, r.code(), r.out() + r.err());
        Set<String> cells = new HashSet<>();
        int logs = 0;
        for (String line : Files.readAllLines(out.resolve("data/part-00000.jsonl"))) {
            JsonNode rec = Json.MAPPER.readTree(line);
            cells.add(rec.get("archetype").asText() + "/" + rec.get("format").asText());
            if (rec.get("format").asText().equals("ship-log")) {
                logs++;
                assertTrue(rec.get("text").asText().startsWith("SHIP'S LOG, kept by "), rec.get("text").asText());
            }
        }
        assertEquals(Set.of("quiet-handover/ship-log", "quiet-handover/letter", "steady-keel/ship-log", "steady-keel/letter"), cells);
        assertEquals(6, logs);
    }
}
