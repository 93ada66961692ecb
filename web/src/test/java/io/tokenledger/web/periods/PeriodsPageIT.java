package io.tokenledger.web.periods;

import static io.tokenledger.web.testing.Usage.event;
import static io.tokenledger.web.testing.Usage.inPreviousMonth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.Usage;
import io.tokenledger.web.testing.WebClient;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The periods page as a signed-in admin uses it. */
@TokenLedgerServerTest
class PeriodsPageIT {

    @LocalServerPort
    int port;

    private WebClient api;
    private WebClient browser;

    @BeforeEach
    void signedIn() {
        WebClient.clearData();
        api = WebClient.admin(port);
        browser = WebClient.signedInBrowser(port);
        Usage.priceTenPerMillion(api);
    }

    @Test
    void lastMonthIsClosedWithItsButtonAndCannotBeClosedAgain() {
        Usage.ingest(api, event("last-month", "acme", inPreviousMonth(), 100_000, null));
        String previous = Usage.previousMonth().toString();
        Document periods = page("/periods");
        assertThat(periods.select("tr[data-period=" + previous + "] form")).hasSize(1);
        assertThat(periods.select("tr[data-period=" + Usage.thisMonth() + "] form"))
                .isEmpty();

        WebClient.Reply<String> closed = browser.submit("/periods", "/periods/" + previous + "/close", Map.of());

        assertThat(closed.status()).as(closed::toString).isEqualTo(302);
        Document after = page("/periods");
        Element row = after.selectFirst("tr[data-period=" + previous + "]");
        assertThat(row.selectFirst("td.status").text()).isEqualTo("closed");
        assertThat(row.select("form")).isEmpty();
        assertThat(row.selectFirst("td.total").attr("data-exact")).isEqualTo("1");
    }

    private Document page(String path) {
        WebClient.Reply<String> reply = browser.page(path);
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        return reply.html();
    }
}
