package io.tokenledger.reporting.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.reporting.MarchScenario;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import io.tokenledger.reporting.UsageFixture;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.statement.ChargebackStatement;
import io.tokenledger.reporting.statement.ChargebackStatements;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import io.tokenledger.reporting.statement.TenantLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The HTML statement shows the same numbers as the statement model that the workbook is written from. */
@ReportingTest
class HtmlStatementIT {

    private static final StatementRequest MARCH = StatementRequest.of(MarchScenario.PERIOD, StatementScope.all());

    @Autowired
    ReportingData data;

    @Autowired
    HtmlStatements html;

    @Autowired
    ChargebackStatements statements;

    @Autowired
    Ledgers ledgers;

    @BeforeEach
    void march() {
        MarchScenario.load(data);
    }

    @Test
    void showsTheLedgerTotalRoundedAndEveryTenantsCostAsOnTheStatement() {
        Document page = Jsoup.parse(html.render(MARCH, Stylesheet.inline()));
        ChargebackStatement statement = statements.statement(MARCH);
        Ledger ledger = ledgers.query(new LedgerQuery(
                MarchScenario.PERIOD.atDay(1),
                MarchScenario.PERIOD.atEndOfMonth(),
                List.of(LedgerDimension.TENANT),
                Optional.empty(),
                TenantScope.allTenants()));

        Element total = page.selectFirst("#statement-total");
        assertThat(total.attr("data-exact"))
                .isEqualTo(ledger.total().stripTrailingZeros().toPlainString());
        assertThat(total.text()).isEqualTo(dollars(ledger.total().setScale(2, RoundingMode.HALF_UP)));
        assertThat(page.selectFirst("#summary tfoot td.total").text()).isEqualTo(total.text());
        Map<String, String> shown = new LinkedHashMap<>();
        page.select("#summary tbody tr[data-tenant]")
                .forEach(row -> shown.put(
                        row.attr("data-tenant"), row.selectFirst("td.cost").text()));
        Map<String, String> expected = new LinkedHashMap<>();
        for (TenantLine tenant : statement.tenants()) {
            expected.put(tenant.key(), dollars(tenant.cost()));
        }
        assertThat(shown).containsExactlyEntriesOf(expected);
        BigDecimal acmeDeployments = page.select("#deployments tbody[data-tenant=acme] td.cost").stream()
                .map(cell -> amount(cell.text()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(acmeDeployments).isEqualTo(amount(expected.get("acme")));
    }

    @Test
    void namesAreShownAsTextNeverAsMarkup() {
        data.ingest(UsageFixture.event("markup").tenant("<b>bold</b>").at("2025-03-03T10:00:00Z"));
        data.name("<b>bold</b>", "<img src=x onerror=alert(1)>", "CC-<i>9</i>");

        Document page = Jsoup.parse(html.render(MARCH, Stylesheet.inline()));

        assertThat(page.select("#summary b, #summary img, #summary i")).isEmpty();
        Element row = page.selectFirst("#summary tr[data-tenant='<b>bold</b>']");
        assertThat(row.select("td").get(1).text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(page.selectFirst("td:containsOwn(" + MarchScenario.FORMULA_NAME.substring(0, 10) + ")")
                        .text())
                .isEqualTo(MarchScenario.FORMULA_NAME);
    }

    @Test
    void stylesAreInlineForEmailAndLinkedForPagesWithAContentSecurityPolicy() {
        Document inline = Jsoup.parse(html.render(MARCH, Stylesheet.inline()));
        Document linked = Jsoup.parse(html.render(MARCH, Stylesheet.linked("/reports/statement.css")));

        assertThat(inline.select("head style").html()).contains("body.statement");
        assertThat(inline.select("head link[rel=stylesheet]")).isEmpty();
        assertThat(linked.select("head style")).isEmpty();
        assertThat(linked.selectFirst("head link[rel=stylesheet]").attr("href")).isEqualTo("/reports/statement.css");
    }

    private static String dollars(BigDecimal amount) {
        return "$" + String.format("%,.2f", amount);
    }

    private static BigDecimal amount(String dollars) {
        return new BigDecimal(dollars.replace("$", "").replace(",", ""));
    }
}
