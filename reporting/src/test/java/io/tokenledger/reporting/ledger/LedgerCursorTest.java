package io.tokenledger.reporting.ledger;

import static io.tokenledger.reporting.ledger.LedgerDimension.DAY;
import static io.tokenledger.reporting.ledger.LedgerDimension.DEPLOYMENT;
import static io.tokenledger.reporting.ledger.LedgerDimension.MODEL;
import static io.tokenledger.reporting.ledger.LedgerDimension.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerCursorTest {

    @Test
    void pagesAreOrderedDayTenantDeploymentModelWhateverTheGroupByOrder() {
        assertThat(LedgerCursor.pageOrder(List.of(TENANT, DEPLOYMENT, DAY))).containsExactly(DAY, TENANT, DEPLOYMENT);
        assertThat(LedgerCursor.pageOrder(List.of(MODEL, DEPLOYMENT))).containsExactly(DEPLOYMENT, MODEL);
    }

    @Test
    void tokenReadsBackWithAnyCharactersInTheKeys() {
        LedgerCursor cursor = new LedgerCursor(List.of(DAY, TENANT, MODEL), List.of("2026-10-16", "ac.me/ü,1", ""));

        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
        assertThat(LedgerCursor.parse(cursor.token(), List.of(MODEL, TENANT, DAY)))
                .isEqualTo(cursor);
    }

    @Test
    void tokenOfAnotherGroupByOrNoTokenIsRefusedNamingAfter() {
        String byTenantAndDay = new LedgerCursor(List.of(DAY, TENANT), List.of("2026-10-16", "acme")).token();
        String badDay = new LedgerCursor(List.of(DAY), List.of("16.10.2026")).token();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> LedgerCursor.parse(byTenantAndDay, List.of(TENANT)))
                .withMessageStartingWith("after:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LedgerCursor.parse("not a cursor!", List.of(TENANT)))
                .withMessageStartingWith("after:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LedgerCursor.parse(badDay, List.of(DAY)))
                .withMessageStartingWith("after:");
    }
}
