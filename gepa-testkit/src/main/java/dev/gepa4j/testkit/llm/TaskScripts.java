package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.testkit.llm.gsm8k.Gsm8kDebateScript;
import dev.gepa4j.testkit.llm.gsm8k.Gsm8kReactScript;
import java.util.List;
import java.util.Optional;

/** The task scripts the test double knows, asked in order; the first that recognises a request answers it. */
final class TaskScripts {
    private static final List<TaskScript> SCRIPTS = List.of(
            request -> IfevalPipelineScript.answer(request).map(ScriptedReply::answer),
            request -> HumanEvalCoderDouble.answer(request).map(ScriptedReply::answer),
            new Gsm8kReactScript(),
            new Gsm8kDebateScript());

    private TaskScripts() {
    }

    static Optional<ScriptedReply> answer(JsonNode request) {
        for (TaskScript script : SCRIPTS) {
            Optional<ScriptedReply> reply = script.answer(request);
            if (reply.isPresent()) {
                return reply;
            }
        }
        return Optional.empty();
    }
}
