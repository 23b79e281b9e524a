package dev.gepa4j.tasks.gsm8k.react;

import dev.gepa4j.tasks.chat.UsageTally;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One ReAct episode over the OpenAI tools wire format: the system prompt as the system message, the question as the
 * user message, and the calculator declared in {@code tools} with the tool guide as its description. Each model
 * call is a step; a reply with {@code tool_calls} has each call run and answered with a {@code tool} message; a
 * reply without tool calls is the final answer. After {@code maxSteps} calls that all asked for tools, the episode
 * ends without an answer (steps exhausted). A failure of the model itself (transport, API error) propagates.
 */
final class ReactLoop {
    private final CalculatorTool tool;

    ReactLoop(CalculatorTool tool) {
        this.tool = tool;
    }

    ReactTranscript run(ChatModel model, String systemPrompt, String toolGuide, String question, int maxSteps) {
        ToolSpecification calculator = CalculatorTool.specification(toolGuide);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(systemPrompt),
                UserMessage.from(question)));
        List<ReactStep> steps = new ArrayList<>();
        UsageTally usage = new UsageTally();
        for (int turn = 1; turn <= maxSteps; turn++) {
            ChatResponse response = model.chat(ChatRequest.builder().messages(messages)
                    .toolSpecifications(calculator).build());
            usage.add(response);
            AiMessage reply = response.aiMessage();
            String text = reply.text() == null ? "" : reply.text();
            if (!reply.hasToolExecutionRequests()) {
                steps.add(new ReactStep.Answer(turn, text));
                return new ReactTranscript(steps, text, turn, maxSteps, usage.total());
            }
            if (!text.isBlank()) {
                steps.add(new ReactStep.Thought(turn, text));
            }
            messages.add(reply);
            for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
                steps.add(new ReactStep.ToolCall(turn, call.id(), call.name(), call.arguments()));
                ReactStep.Observation seen = tool.run(turn, call);
                steps.add(seen);
                messages.add(ToolExecutionResultMessage.from(call, seen.text()));
            }
        }
        return new ReactTranscript(steps, null, maxSteps, maxSteps, usage.total());
    }
}
