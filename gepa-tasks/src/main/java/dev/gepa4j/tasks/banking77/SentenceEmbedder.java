package dev.gepa4j.tasks.banking77;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unit-length sentence vectors from the in-process quantized all-MiniLM-L6-v2 model, cached by exact text.
 *
 * <p>The model runs on the CPU at roughly 230 sentences per second on two cores, so every distinct string (customer
 * message, description, example phrase, label name) is embedded once per process. Before the model class is touched,
 * {@link #offline()} sets the DJL flags that stop it from contacting a metadata address or a telemetry URL. Thread-safe.
 */
public final class SentenceEmbedder {
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private final EmbeddingModel model;

    private SentenceEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    /** Loads the bundled model (about one second) with DJL kept offline. */
    public static SentenceEmbedder offline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // Loaded by name only after the flags above are in place, so no DJL static initialiser sees them unset.
        return new SentenceEmbedder(ModelHolder.create());
    }

    /** The unit-length vector of {@code text}; computed once, then served from the cache. Do not mutate it. */
    public float[] embed(String text) {
        float[] hit = cache.get(text);
        if (hit != null) {
            return hit;
        }
        warm(List.of(text));
        return cache.get(text);
    }

    /** Embeds, in batches, every text of {@code texts} not yet cached (for example a whole split at start-up). */
    public void warm(Collection<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).sorted().toList();
        for (int from = 0; from < missing.size(); from += 64) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + 64));
            List<TextSegment> segments = new ArrayList<>(batch.size());
            // The model rejects blank segments; a blank message gets the vector of a neutral placeholder.
            batch.forEach(t -> segments.add(TextSegment.from(t.isBlank() ? "(empty message)" : t)));
            var vectors = model.embedAll(segments).content();
            for (int i = 0; i < batch.size(); i++) {
                cache.put(batch.get(i), normalized(vectors.get(i).vector()));
            }
        }
    }

    /** Cosine similarity of two unit-length vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    /** Keeps the model class out of this class's constant pool until the offline flags are set. */
    private static final class ModelHolder {
        static EmbeddingModel create() {
            return new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        }
    }
}
