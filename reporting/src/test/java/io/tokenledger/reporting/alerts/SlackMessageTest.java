package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A name that Slack would turn into a mention of everyone and a link, were it sent raw. */
    private static final String HOSTILE = "<!channel> <mailto:billing@evil.example|Pay now> & co";

    @Test
    void aTenantNameCannotInjectSlackMarkup() {
        Alert alert = daily("evil", List.of(new DeploymentSpend("<!channel>", new BigDecimal("60.005"))));
        AlertText text = new AlertText(alert, "<!here> & co", "evil", null, "USD", "https://tl.example/tenants/evil");

        JsonNode message = JSON.readTree(SlackMessage.of(text));

        String fields = message.path("blocks").get(1).toString();
        assertThat(fields).contains("&lt;!here&gt; &amp; co").doesNotContain("<!here>");
        assertThat(message.path("blocks").get(2).path("text").path("text").asString())
                .isEqualTo("*Top deployments*\n• &lt;!channel&gt; — $60.01");
        assertThat(message.path("text").asString())
                .isEqualTo("Budget alert: &lt;!here&gt; &amp; co spent $60.01 on 20 Nov 2026, over its daily threshold"
                        + " of $50.00. https://tl.example/tenants/evil");
    }

    @Test
    void noFieldOfAnAlertCarriesAMentionOrALink() {
        Alert alert = monthly(List.of(new DeploymentSpend(HOSTILE, new BigDecimal("412.5"))));
        AlertText text = new AlertText(alert, HOSTILE, "k<>&", "CC <!here>", "USD", "https://tl.example/tenants/k");

        JsonNode message = JSON.readTree(SlackMessage.of(text));

        assertThat(texts(message))
                .isNotEmpty()
                .allSatisfy((path, value) ->
                        assertThat(value).as(path).doesNotContain("<", ">").doesNotContainPattern("&(?!amp;|lt;|gt;)"));
        assertThat(message.path("text").asString())
                .startsWith("Budget alert: &lt;!channel&gt; &lt;mailto:billing@evil.example|Pay now&gt; &amp; co"
                        + " reached 80% of its monthly budget");
        assertThat(message.path("blocks").get(0).path("text").path("text").asString())
                .isEqualTo("&lt;!channel&gt; &lt;mailto:billing@evil.example|Pay now&gt; &amp; co reached 80% of its"
                        + " monthly budget");
    }

    @Test
    void aLongHeaderIsCutAtTheLimitWithoutBreakingAnEscape() {
        String name = "a".repeat(140) + "&&&&";
        Alert alert = monthly(List.of());
        AlertText text = new AlertText(alert, name, "k", null, "USD", "https://tl.example/tenants/k");

        String header = JSON.readTree(SlackMessage.of(text))
                .path("blocks")
                .get(0)
                .path("text")
                .path("text")
                .asString();

        assertThat(header).hasSizeLessThanOrEqualTo(150).endsWith("&amp;…").doesNotContainPattern("&(?!amp;)");
    }

    @Test
    void theTestMessageEscapesTheCostCenterItNames() {
        JsonNode message =
                JSON.readTree(SlackMessage.test("budget alerts of cost center <!here> & co and its tenants"));

        assertThat(message.path("text").asString())
                .isEqualTo("TokenLedger test message: budget alerts of cost center &lt;!here&gt; &amp; co and its"
                        + " tenants will arrive here.");
    }

    private static Alert daily(String subject, List<DeploymentSpend> top) {
        return new Alert(
                1,
                BudgetScope.TENANT,
                subject,
                AlertKind.DAILY,
                100,
                LocalDate.parse("2026-11-20"),
                new BigDecimal("50"),
                new BigDecimal("50"),
                new BigDecimal("60.005"),
                null,
                top,
                Instant.EPOCH);
    }

    private static Alert monthly(List<DeploymentSpend> top) {
        return new Alert(
                2,
                BudgetScope.TENANT,
                "k",
                AlertKind.MONTHLY,
                80,
                LocalDate.parse("2026-11-01"),
                new BigDecimal("500"),
                new BigDecimal("400"),
                new BigDecimal("412.5"),
                new BigDecimal("618.75"),
                top,
                Instant.EPOCH);
    }

    /** Every text a person reads in the message, by its JSON path; links (a button's {@code url}) are not text. */
    private static Map<String, String> texts(JsonNode message) {
        List<Map.Entry<String, String>> found = new ArrayList<>();
        collect("$", message, found);
        return found.stream()
                .filter(entry ->
                        !entry.getKey().endsWith(".url") && !entry.getKey().endsWith(".type"))
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static void collect(String path, JsonNode node, List<Map.Entry<String, String>> found) {
        if (node.isString()) {
            found.add(Map.entry(path, node.asString()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), found);
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> collect(path + "." + field.getKey(), field.getValue(), found));
        }
    }
}
