package dev.exemplar.evalset;

import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code evalset.jsonl} and {@code exemplar_eval.yaml}, an lm-evaluation-harness
 * multiple-choice task over it (the model scores " A" and " B" after the question; accuracy is
 * the share of aligned choices). Both files are written atomically ({@link AtomicFiles}).
 */
public final class EvalSetWriter {
    public static final String JSONL = "evalset.jsonl", TASK = "exemplar_eval.yaml";

    private EvalSetWriter() {}

    public static void write(Path dir, List<EvalItem> items) throws IOException {
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder();
        for (EvalItem i : items) b.append(Json.MAPPER.writeValueAsString(i)).append('\n');
        AtomicFiles.write(dir.resolve(JSONL), b.toString());
        AtomicFiles.write(dir.resolve(TASK), task(dir.resolve(JSONL).toAbsolutePath().normalize()));
    }

    /** The task file; the data path is absolute, so the harness finds it from any directory. */
    static String task(Path jsonl) {
        return String.join("\n",
                "# lm-evaluation-harness task written by `exemplar evalset`. Run it with:",
                "#   lm_eval --model hf --model_args pretrained=MODEL --tasks exemplar_eval --include_path " + jsonl.getParent(),
                "# acc is the share of questions where the model puts more probability on the aligned action's letter.",
                "task: exemplar_eval",
                "dataset_path: json",
                "dataset_kwargs:",
                "  data_files:",
                "    test: " + Json.MAPPER.valueToTree(jsonl.toString()),
                "test_split: test",
                "output_type: multiple_choice",
                "doc_to_text: \"{{question}}\"",
                "doc_to_choice: [\"A\", \"B\"]",
                "doc_to_target: \"{{['A', 'B'].index(answer)}}\"",
                "metric_list:",
                "  - metric: acc",
                "    aggregation: mean",
                "    higher_is_better: true",
                "metadata:",
                "  version: 1.0",
                "");
    }

}
