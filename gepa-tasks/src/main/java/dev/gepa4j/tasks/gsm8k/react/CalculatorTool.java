package dev.gepa4j.tasks.gsm8k.react;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.tasks.calculator.CalculationRefused;
import dev.gepa4j.tasks.calculator.Calculator;
import dev.gepa4j.tasks.gsm8k.TraceText;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.math.BigDecimal;

/**
 * The {@code calculator} tool as the policy sees it (an OpenAI function with one string argument,
 * {@code expression}, described by the candidate's {@code tool_guide}) and as the container runs it. Every call
 * ends in an observation: a malformed call (unknown tool, arguments that are not JSON, no {@code expression}) or a
 * refused expression becomes an {@code error: ...} observation the model can read, never an exception.
 */
final class CalculatorTool {
    static final String NAME = "calculator";
    static final String ARGUMENT = "expression";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ARGUMENT_CHARS_SHOWN = 200;

    private final Calculator calculator;

    CalculatorTool(Calculator calculator) {
        this.calculator = calculator;
    }

    /** The tool's declaration, with the candidate's tool guide as its description. */
    static ToolSpecification specification(String toolGuide) {
        return ToolSpecification.builder()
                .name(NAME)
                .description(toolGuide)
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty(ARGUMENT, "the arithmetic expression to evaluate, e.g. (16 - 3 - 4) * 2")
                        .required(ARGUMENT)
                        .build())
                .build();
    }

    /** Runs one call and says what the model will see. */
    ReactStep.Observation run(int turn, ToolExecutionRequest call) {
        String id = call.id();
        if (!NAME.equals(call.name())) {
            return failed(turn, id, "there is no tool named '" + TraceText.clip(call.name(), 60)
                    + "'; the only tool is " + NAME + "({\"" + ARGUMENT + "\": \"...\"})");
        }
        String expression;
        try {
            JsonNode args = JSON.readTree(call.arguments() == null || call.arguments().isBlank()
                    ? "{}" : call.arguments());
            JsonNode value = args.path(ARGUMENT);
            if (!value.isTextual() && !value.isNumber()) {
                return failed(turn, id, "the arguments have no \"" + ARGUMENT + "\" string; send {\"" + ARGUMENT
                        + "\": \"12 * 4.5\"}");
            }
            expression = value.asText();
        } catch (Exception e) {
            return failed(turn, id, "the arguments are not valid JSON (" + TraceText.clip(call.arguments(),
                    MAX_ARGUMENT_CHARS_SHOWN) + "); send {\"" + ARGUMENT + "\": \"12 * 4.5\"}");
        }
        try {
            BigDecimal result = calculator.evaluate(expression);
            return new ReactStep.Observation(turn, id, result, Calculator.show(result));
        } catch (CalculationRefused refused) {
            return failed(turn, id, refused.getMessage());
        }
    }

    private static ReactStep.Observation failed(int turn, String id, String message) {
        return new ReactStep.Observation(turn, id, null, "error: " + message);
    }
}
