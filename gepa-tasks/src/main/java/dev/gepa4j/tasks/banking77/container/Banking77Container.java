package dev.gepa4j.tasks.banking77.container;

import dev.gepa4j.tasks.banking77.Banking77Dataset;
import dev.gepa4j.tasks.banking77.Banking77Example;
import dev.gepa4j.tasks.banking77.Banking77Splits;
import dev.gepa4j.tasks.banking77.EmbeddedIntentPolicy;
import dev.gepa4j.tasks.banking77.SentenceEmbedder;
import dev.gepa4j.tasks.banking77.SplitSizes;
import java.util.ArrayList;
import java.util.List;

/** Builds the Banking77 task handler: loads the bundled data, draws the splits, loads and warms the embedding model. */
public final class Banking77Container {
    private Banking77Container() {
    }

    /**
     * A ready handler. Takes a few seconds: the sentence-embedding model loads (~1 s) and every example text of
     * every split is embedded once up front, so rollouts only embed prompt descriptions.
     */
    public static Banking77TaskHandler create(SplitSizes sizes) {
        Banking77Dataset dataset = Banking77Dataset.load();
        Banking77Splits splits = dataset.splits(sizes);
        SentenceEmbedder embedder = SentenceEmbedder.offline();
        List<String> texts = new ArrayList<>();
        splits.train().stream().map(Banking77Example::text).forEach(texts::add);
        splits.validation().stream().map(Banking77Example::text).forEach(texts::add);
        splits.heldout().stream().map(Banking77Example::text).forEach(texts::add);
        embedder.warm(texts);
        return new Banking77TaskHandler(splits, new IntentPolicies(new EmbeddedIntentPolicy(embedder, dataset.labels())));
    }
}
