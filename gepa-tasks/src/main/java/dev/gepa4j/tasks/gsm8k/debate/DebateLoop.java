package dev.gepa4j.tasks.gsm8k.debate;

import dev.gepa4j.tasks.gsm8k.FinalAnswer;
import dev.gepa4j.tasks.chat.UsageTally;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One solver-critic debate on the same chat model. Round 1: the solver solves; the critic reviews. Each later round:
 * the solver revises after the critique (it keeps its own conversation: its earlier solutions and the critiques);
 * the critic reviews the new solution afresh (it sees the problem and the latest solution only). The loop ends on
 * the first critic reply whose verdict is ACCEPT, or after {@code maxRounds} rounds. The debate's answer is the
 * solver's last solution. A failure of the model itself propagates.
 */
final class DebateLoop {

    DebateTranscript run(ChatModel model, String solverPrompt, String criticPrompt, String question, int maxRounds) {
        List<ChatMessage> solver = new ArrayList<>(List.of(SystemMessage.from(solverPrompt),
                UserMessage.from(DebatePrompts.solve(question))));
        List<DebateTurn> turns = new ArrayList<>();
        UsageTally usage = new UsageTally();
        for (int round = 1; round <= maxRounds; round++) {
            String solution = ask(model, solver, usage);
            solver.add(AiMessage.from(solution));
            turns.add(new DebateTurn.Solver(round, solution, FinalAnswer.read(solution)));
            String review = ask(model, List.of(SystemMessage.from(criticPrompt),
                    UserMessage.from(DebatePrompts.review(question, solution))), usage);
            CriticVerdict verdict = CriticVerdict.read(review);
            turns.add(new DebateTurn.Critic(round, review, verdict));
            if (verdict == CriticVerdict.ACCEPT) {
                return new DebateTranscript(turns, true, maxRounds, usage.total());
            }
            solver.add(UserMessage.from(DebatePrompts.revise(review)));
        }
        return new DebateTranscript(turns, false, maxRounds, usage.total());
    }

    private static String ask(ChatModel model, List<ChatMessage> messages, UsageTally usage) {
        ChatResponse response = model.chat(ChatRequest.builder().messages(messages).build());
        usage.add(response);
        String text = response.aiMessage().text();
        return text == null ? "" : text;
    }
}
