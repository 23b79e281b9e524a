package dev.gepa4j.tasks.gsm8k;

import dev.gepa4j.core.model.PolicySpec;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;

/**
 * INTERIM: stands in for the shared policy-model chooser ({@code dev.gepa4j.tasks.chat.PolicyModels}) until it is
 * on main; deleted then. The rollout's OpenAI-compatible policy, else {@code OPENAI_BASE_URL}/{@code GEPA_POLICY_MODEL}.
 */
public final class InterimPolicyModels {
    public ChatModel forPolicy(PolicySpec policy) {
        String base = policy.baseUrl() != null ? policy.baseUrl() : System.getenv("OPENAI_BASE_URL");
        String model = policy.provider().equals("embedded") ? System.getenv("GEPA_POLICY_MODEL") : policy.model();
        if (base == null || model == null) {
            throw new IllegalStateException("no policy chat model: set [policy] provider, model and base_url, or "
                    + "OPENAI_BASE_URL and GEPA_POLICY_MODEL");
        }
        String key = System.getenv("OPENAI_API_KEY");
        return OpenAiChatModel.builder().baseUrl(base).apiKey(key == null ? "no-key" : key).modelName(model)
                .temperature(0.0).timeout(Duration.ofSeconds(120)).maxRetries(0).build();
    }
}
