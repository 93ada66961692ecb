package io.tokenledger.reporting.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SlackMessageTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTenantNameCannotInjectSlackMarkup() {
        Alert alert = new Alert(
                1,
                BudgetScope.TENANT,
                "evil",
                AlertKind.DAILY,
                100,
                LocalDate.parse("2026-11-20"),
                new BigDecimal("50"),
                new BigDecimal("50"),
                new BigDecimal("60.005"),
                null,
                List.of(new DeploymentSpend("<!channel>", new BigDecimal("60.005"))),
                Instant.EPOCH);
        AlertText text = new AlertText(alert, "<!here> & co", "evil", null, "USD", "https://tl.example/tenants/evil");

        JsonNode message = JSON.readTree(SlackMessage.of(text));

        String fields = message.path("blocks").get(1).toString();
        assertThat(fields).contains("&lt;!here&gt; &amp; co").doesNotContain("<!here>");
        assertThat(message.path("blocks").get(2).path("text").path("text").asString())
                .isEqualTo("*Top deployments*\n• &lt;!channel&gt; — $60.01");
        assertThat(message.path("text").asString())
                .isEqualTo("Budget alert: <!here> & co spent $60.01 on 20 Nov 2026, over its daily threshold of $50.00."
                        + " https://tl.example/tenants/evil");
    }
}
