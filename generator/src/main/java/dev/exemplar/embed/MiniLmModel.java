package dev.exemplar.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.ByteArrayInputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundled all-MiniLM-L6-v2 (quantized) with one ONNX thread per text and one text per core.
 * LangChain4j's default runs each text on a thread of an unbounded pool, and each text's session
 * on a pool of spinning ONNX threads: on a small machine that oversubscribes the cores, and a
 * default run spent most of its CPU waiting in ONNX (docs/BENCHMARKS.md). The vectors are the same.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    private MiniLmModel(ExecutorService pool, OnnxBertBiEncoder encoder) {
        super(pool);
        this.encoder = encoder;
    }

    /** Loads the bundled model into a session with one intra-op thread, and a pool of {@code threads} daemon threads. */
    static MiniLmModel load(int threads) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtSession session = env.createSession(BundledMiniLm.modelBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session,
                    new ByteArrayInputStream(BundledMiniLm.tokenizerBytes()), PoolingMode.MEAN);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, "minilm");
                t.setDaemon(true);
                return t;
            });
            return new MiniLmModel(pool, encoder);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the bundled MiniLM model: " + e.getMessage(), e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() { return encoder; }

    @Override
    protected Integer knownDimension() { return 384; }
}
