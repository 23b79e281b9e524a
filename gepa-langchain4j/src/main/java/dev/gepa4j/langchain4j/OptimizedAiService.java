package dev.gepa4j.langchain4j;

import dev.gepa4j.api.OptimizationResult;

/**
 * The outcome of {@link AiServiceOptimizer#optimize()}: the optimized texts, a service built with them, and the run's
 * full result (scores, lift, evidence packet).
 *
 * @param service       the AI Service with the optimized system message and user-message template, on the same
 *                      model and with the same configuration as during the optimization
 * @param systemMessage the optimized system message (put it in your {@code @SystemMessage} to keep it)
 * @param userMessage   the optimized user-message template (put it in your {@code @UserMessage})
 * @param result        the run: seed and best scores, lift, test block, packet path
 * @param <S>           the AI Service interface
 */
public record OptimizedAiService<S>(S service, String systemMessage, String userMessage, OptimizationResult result) {
}
