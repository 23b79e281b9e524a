package dev.gepa4j.tasks.gsm8k.react;

import dev.gepa4j.tasks.gsm8k.FinalAnswer;

/**
 * The verifier's reading of one episode.
 *
 * @param correct          whether the marked final answer equals the gold number
 * @param answer           the final answer as read from the last reply (empty when the steps ran out)
 * @param feedback         for the proposer: expected vs given, then what the trace shows
 * @param systemPromptNote what the {@code system_prompt}'s part (the reasoning and the final reply) did
 * @param toolGuideNote    what the {@code tool_guide}'s part (the tool calls and their results) did
 * @param toolAtFault      whether the tool part shares the blame for a wrong episode: the tool was never called,
 *                         a call failed, the steps ran out, or the answer does not use the right tool result
 */
public record ReactVerdict(boolean correct, FinalAnswer answer, String feedback, String systemPromptNote,
                           String toolGuideNote, boolean toolAtFault) {
}
