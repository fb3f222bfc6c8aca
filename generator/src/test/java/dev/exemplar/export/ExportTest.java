package dev.exemplar.export;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar export} end to end on a real template run, read back from the published layouts. */
class ExportTest {
    @TempDir static Path tmp;
    static Path run;
    static List<JsonNode> records = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        run = tmp.resolve("run");
        CliResult r = TestProject.cli("generate", "--mix", TestProject.root().resolve("mixes/default.yaml").toString(),
                "--out", run.toString(), "--docs", "240", "--set", "output.shard_size=100");
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(run.resolve("data"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f)) records.add(Json.MAPPER.readTree(line));
            }
        }
        assertEquals(240, records.size());
    }

    @Test
    void megatronCl100kRoundTripsEveryDocumentsTokens() throws Exception {
        Path out = tmp.resolve("meg");
        CliResult r = TestProject.cli("export", run.toString(), "--format", "megatron", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("end-of-document token: <|endoftext|> (id 100257)"), r.out());
        IndexedDatasetReader ds = new IndexedDatasetReader(out.resolve("default_text_document"));
        assertEquals(4, ds.dtypeCode, "cl100k has more than 65,500 ids: int32");
        assertEquals(240, ds.sequenceCount);
        assertEquals(241, ds.documentCount);
        TiktokenEncoder reference = TiktokenEncoder.cl100k(true);
        long total = 0;
        for (int i = 0; i < 240; i++) {
            assertEquals(i, ds.documentIndices[i]);
            int[] seq = ds.sequence(i);
            int[] want = reference.encodeDirect(records.get(i).path("text").asText());
            assertEquals(want.length + 1, seq.length, "document " + i);
            assertArrayEquals(want, java.util.Arrays.copyOf(seq, want.length), "document " + i);
            assertEquals(100257, seq[seq.length - 1]);
            // The generator counted the same tokens when it wrote the record.
            assertEquals(records.get(i).path("tokens").asInt(), want.length);
            assertEquals(records.get(i).path("text").asText(), reference.decode(want));
            total += seq.length;
        }
        assertEquals(240, ds.documentIndices[240]);
        assertEquals(total * 4, ds.binBytes());
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("export.json").toFile());
        assertEquals(total, manifest.path("tokens").asLong());
        assertEquals("<|endoftext|>", manifest.path("eod").path("token").asText());
        try (var files = Files.list(out)) {
            assertEquals(List.of("default_text_document.bin", "default_text_document.idx", "export.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no partial or temporary file left");
        }
        // blend reads the export's exact count and its real prefix.
        CliResult blend = TestProject.cli("blend", out.toString(), "--share", "0.5", "--base-tokens", String.valueOf(total * 4), "--json");
        assertEquals(0, blend.code(), blend.err());
        JsonNode b = Json.MAPPER.readTree(blend.out());
        assertEquals(2.0, b.path("epochs").path("treatment").asDouble(), 1e-9);
        assertTrue(b.path("megatron").path("treatment").path("args").asText()
                .endsWith(" 0.5 " + out.resolve("default_text_document").toAbsolutePath().normalize()), b.toString());
        // Deterministic: a second export is byte-identical, whatever the thread count.
        Path again = tmp.resolve("meg-again");
        assertEquals(0, TestProject.cli("export", run.toString(), "--format", "megatron", "--out", again.toString(), "--threads", "1").code());
        for (String ext : List.of(".bin", ".idx")) {
            assertArrayEquals(Files.readAllBytes(out.resolve("default_text_document" + ext)),
                    Files.readAllBytes(again.resolve("default_text_document" + ext)));
        }
    }

    @Test
    void megatronO200kWithoutEod() throws Exception {
        Path out = tmp.resolve("o200k");
        CliResult r = TestProject.cli("export", run.toString(), "--format", "megatron", "--tokenizer", "o200k_base",
                "--eod", "none", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("end-of-document token: none"), r.out());
        IndexedDatasetReader ds = new IndexedDatasetReader(out.resolve("default_text_document"));
        TiktokenEncoder reference = TiktokenEncoder.o200k(false);
        for (int i = 0; i < 240; i++) {
            assertArrayEquals(reference.encodeDirect(records.get(i).path("text").asText()), ds.sequence(i), "document " + i);
        }
    }

    /** A real tokenizer.json (all-MiniLM-L6-v2's WordPiece, shipped inside a dependency): uint16, no EOS token. */
    @Test
    void megatronWithHuggingFaceTokenizerJson() throws Exception {
        Path tok = tmp.resolve("minilm/tokenizer.json");
        Files.createDirectories(tok.getParent());
        try (InputStream in = ExportTest.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            assertNotNull(in, "the MiniLM tokenizer.json is on the test classpath");
            Files.copy(in, tok);
        }
        Path out = tmp.resolve("hf-tok");
        CliResult r = TestProject.cli("export", run.toString(), "--format", "megatron", "--tokenizer", tok.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("end-of-document token: none"), "BERT's WordPiece has no end-of-text token: " + r.out());
        IndexedDatasetReader ds = new IndexedDatasetReader(out.resolve("default_text_document"));
        assertEquals(8, ds.dtypeCode, "30,522 ids fit uint16");
        // The file asks for truncation at 128 tokens; an export keeps whole documents.
        try (HuggingFaceTokenizer reference = HuggingFaceTokenizer.builder().optTokenizerPath(tok).optTruncation(false).build()) {
            for (int i = 0; i < 240; i++) {
                long[] want = reference.encode(records.get(i).path("text").asText(), false, false).getIds();
                int[] got = ds.sequence(i);
                assertEquals(want.length, got.length, "document " + i);
                for (int k = 0; k < want.length; k++) assertEquals(want[k], got[k], "document " + i + " token " + k);
            }
        }
        // Naming an end-of-document token appends it: [SEP] is 102 in this vocabulary.
        Path sep = tmp.resolve("hf-sep");
        CliResult r2 = TestProject.cli("export", run.toString(), "--format", "megatron", "--tokenizer", tok.toString(),
                "--eod", "[SEP]", "--out", sep.toString());
        assertEquals(0, r2.code(), r2.err());
        IndexedDatasetReader ds2 = new IndexedDatasetReader(sep.resolve("default_text_document"));
        for (int i = 0; i < 240; i++) {
            int[] s = ds2.sequence(i);
            assertEquals(102, s[s.length - 1]);
            assertEquals(ds.lengths[i] + 1, s.length);
        }
        CliResult bad = TestProject.cli("export", run.toString(), "--format", "megatron", "--tokenizer", tok.toString(),
                "--eod", "<nope>", "--out", tmp.resolve("hf-bad").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--eod <nope>: no such token"), bad.err());
    }

    @Test
    void dolmaLoadsWithPythonGzipAndJson() throws Exception {
        Path out = tmp.resolve("dolma");
        CliResult r = TestProject.cli("export", run.toString(), "--format", "dolma", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String script = String.join("\n",
                "import gzip, json, glob, sys",
                "n = 0",
                "for f in sorted(glob.glob(sys.argv[1] + '/documents/*.jsonl.gz')):",
                "    with gzip.open(f, 'rt', encoding='utf-8') as fh:",
                "        for line in fh:",
                "            d = json.loads(line)",
                "            assert set(d) == {'id', 'text', 'source', 'added', 'created', 'metadata'}, d.keys()",
                "            m = d['metadata']",
                "            for k in ('archetype', 'format', 'generator', 'arm', 'seed'): assert k in m, k",
                "            print(json.dumps([d['id'], d['text'], d['source'], m['archetype'], m['format'], m['generator'], m['arm'], m['seed'], d['created']]))",
                "            n += 1",
                "print(n)");
        Process p = new ProcessBuilder("python3", "-c", script, out.toString()).redirectErrorStream(true).start();
        String py = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), py);
        List<String> lines = py.lines().toList();
        assertEquals("240", lines.get(lines.size() - 1));
        for (int i = 0; i < 240; i++) {
            JsonNode row = Json.MAPPER.readTree(lines.get(i)), rec = records.get(i);
            assertEquals(rec.path("id").asText(), row.get(0).asText());
            assertEquals(rec.path("text").asText(), row.get(1).asText());
            assertEquals("exemplar", row.get(2).asText());
            assertEquals(rec.path("archetype").asText(), row.get(3).asText());
            assertEquals(rec.path("format").asText(), row.get(4).asText());
            assertEquals("template", row.get(5).asText());
            assertEquals("treatment", row.get(6).asText());
            assertEquals(rec.path("seed").asLong(), row.get(7).asLong());
        }
        JsonNode manifest = Json.MAPPER.readTree(run.resolve("manifest.json").toFile());
        assertEquals(manifest.path("timings").path("finished").asText(), Json.MAPPER.readTree(lines.get(0)).get(8).asText());
        try (var files = Files.list(out.resolve("documents"))) {
            assertEquals(List.of("default-00000.jsonl.gz", "default-00001.jsonl.gz", "default-00002.jsonl.gz"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "one file per shard");
        }
    }

    @Test
    void hfCopiesShardsAndCardByteForByte() throws Exception {
        Path out = tmp.resolve("hf");
        CliResult r = TestProject.cli("export", run.toString(), "--format", "hf", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("data/part-00000.jsonl", "data/part-00001.jsonl", "data/part-00002.jsonl", "README.md")) {
            assertArrayEquals(Files.readAllBytes(run.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertEquals(240, Json.MAPPER.readTree(out.resolve("export.json").toFile()).path("documents").asLong());
    }

    @Test
    void badInputIsRefusedWithExitTwoAndNothingWritten() throws Exception {
        Path out = tmp.resolve("bad-out");
        CliResult notRun = TestProject.cli("export", tmp.resolve("nope").toString(), "--format", "dolma", "--out", out.toString());
        assertEquals(2, notRun.code());
        assertTrue(notRun.err().contains("no such run directory"), notRun.err());
        CliResult fmt = TestProject.cli("export", run.toString(), "--format", "parquet", "--out", out.toString());
        assertEquals(2, fmt.code());
        assertTrue(fmt.err().contains("--format parquet: unknown; choose one of [dolma, megatron, hf]"), fmt.err());
        CliResult tok = TestProject.cli("export", run.toString(), "--format", "megatron", "--tokenizer", tmp.resolve("none.json").toString(), "--out", out.toString());
        assertEquals(2, tok.code());
        assertTrue(tok.err().contains("no such tokenizer file"), tok.err());
        assertFalse(Files.exists(out.resolve("export.json")));
        try (var s = Files.list(out)) {
            assertEquals(0, s.count(), "nothing written for a tokenizer that does not load");
        }
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        Files.writeString(full.resolve("keep.txt"), "mine");
        CliResult notEmpty = TestProject.cli("export", run.toString(), "--format", "dolma", "--out", full.toString(), "--overwrite");
        assertEquals(2, notEmpty.code());
        assertTrue(notEmpty.err().contains("only replaces an earlier export"), notEmpty.err());
        // A record without text is named by file and line.
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken.resolve("data"));
        Files.writeString(broken.resolve("data/part-00000.jsonl"), "{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\"}\n");
        CliResult line = TestProject.cli("export", broken.toString(), "--format", "megatron", "--out", tmp.resolve("broken-out").toString());
        assertEquals(2, line.code());
        assertTrue(line.err().contains("part-00000.jsonl:2: no string field \"text\""), line.err());
        assertFalse(Files.exists(tmp.resolve("broken-out/broken_text_document.bin")));
        assertFalse(Files.exists(tmp.resolve("broken-out/broken_text_document.bin.partial")));
    }
}
