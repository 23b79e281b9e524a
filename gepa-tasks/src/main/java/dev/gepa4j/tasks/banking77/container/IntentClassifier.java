package dev.gepa4j.tasks.banking77.container;

import dev.gepa4j.tasks.banking77.IntentPrediction;

/** A policy that labels a customer message under a candidate system prompt. Thread-safe. */
@FunctionalInterface
public interface IntentClassifier {
    IntentPrediction classify(String systemPrompt, String message);
}
