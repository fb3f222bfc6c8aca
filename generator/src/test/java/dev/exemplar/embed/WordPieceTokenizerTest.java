package dev.exemplar.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.exemplar.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Java WordPiece tokenizer gives exactly the ids of the Hugging Face tokenizer LangChain4j
 * runs MiniLM with (DJL's binding of the Rust library, on the same tokenizer.json), on the
 * project's own texts and on awkward Unicode.
 */
class WordPieceTokenizerTest {
    static HuggingFaceTokenizer reference;
    static WordPieceTokenizer ours;

    @BeforeAll
    static void load() {
        reference = BundledMiniLm.tokenizer();
        byte[] definition = BundledMiniLm.tokenizerBytes();
        ours = new WordPieceTokenizer(BundledMiniLm.vocabulary(definition), BundledMiniLm.specialTokens(definition));
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    static long[] ours(String text) {
        List<Long> ids = new ArrayList<>();
        ours.forEachId(text, id -> ids.add((long) id));
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    static void same(String text) {
        long[] expected = reference.encode(text, false, false).getIds();
        long[] actual = ours(text);
        if (!Arrays.equals(expected, actual)) {
            fail("ids differ for \"" + text.substring(0, Math.min(200, text.length())) + "\"\nexpected "
                    + Arrays.toString(expected) + "\nactual   " + Arrays.toString(actual));
        }
    }

    @Test
    void awkwardUnicode() {
        for (String t : List.of(
                "", "   ", "Hello, World!", "It's 3:45 p.m.—don't panic...", "café naïve Ångström façade résumé",
                "İstanbul DİKKAT ß Straße ǅemal", "野口里佳 Noguchi Rika 東京", "한국어 텍스트입니다", "こんにちは、世界",
                "Ελληνικά κείμενα", "Русский текст, ёжик", "العربية", "emoji 😀👍🏽 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "no\u00a0break\u2009thin\u202fnarrow\u3000ideographic", "zero\u200bwidth soft\u00adhyphen",
                "tab\there\nnew\rline\u000bvtab\u000cff\u0085nel\u2028ls\u2029ps", "control\u0001char\u007fdel\ufffdrepl",
                "“quotes” ‘single’ «guillemets» ‹a› „low“ — – … • · ¿¡", "€100, £5, ¥20, ₹30, 5°C, ½, ², №",
                "ﬁ ligature, ＦＵＬＬＷＩＤＴＨ, ①②③", "x".repeat(101), "y".repeat(100), "supercalifragilisticexpialidocious",
                "##hash ## #tag [CLS] [SEP] [UNK] [MASK]", "in[CLS]side [cls] [PAD [MASK]] [[SEP]]", "https://example.org/a_b?c=d&e=f#g", "e.g. i.e. U.S.A. 1,000,000.50",
                "combining: e\u0301 a\u0308 n\u0303; Thai: ภาษาไทย; Devanagari: हिन्दी", "\ud800 lone surrogate \udc00")) {
            same(t);
        }
    }

    @Test
    void theProjectsOwnTexts() throws IOException {
        Path root = TestProject.root();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("DEVELOPERS.md"),
                root.resolve("filters/written-statements.jsonl"), root.resolve("filters/tropes.yaml")));
        try (Stream<Path> s = Stream.concat(Files.list(root.resolve("archetypes")), Files.list(root.resolve("templates/banks")))) {
            s.sorted().forEach(files::add);
        }
        Path shared = TestProject.shared();
        if (shared != null) files.add(shared.resolve("evaldata/classics-dev/classics-dev.jsonl"));
        int lines = 0;
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                same(line);
                lines++;
            }
            same(Files.readString(f));
        }
        assertTrue(lines > 3000, "lines checked: " + lines);
    }
}
