package dev.gepa4j.tasks.ifeval.container;

/** What one stage's chat call returned. */
record StageReply(String text, int promptTokens, int completionTokens) {
}
