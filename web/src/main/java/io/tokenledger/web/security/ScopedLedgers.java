package io.tokenledger.web.security;

import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerCursor;
import io.tokenledger.reporting.ledger.LedgerPage;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ledger limited to a {@link TenantScope}: the scope goes into the query ({@link LedgerQuery#within}), so it is
 * one SQL statement whatever the number of tenants in it.
 */
@Component
public class ScopedLedgers {

    private final Ledgers ledgers;
    private final RateCards rateCards;

    ScopedLedgers(Ledgers ledgers, RateCards rateCards) {
        this.ledgers = ledgers;
        this.rateCards = rateCards;
    }

    /**
     * {@code query} within {@code scope}; a tenant named in the query must lie inside the scope (callers check with
     * {@link ViewerScopes#narrowedTo}), else the answer is empty.
     */
    public Ledger query(LedgerQuery query, TenantScope scope) {
        if (outside(query, scope)) {
            return new Ledger(rateCards.reportingCurrency(), List.of(), BigDecimal.ZERO);
        }
        return ledgers.query(query.within(scope));
    }

    /** One page of {@code query} within {@code scope} ({@link Ledgers#page}); the same rule for a named tenant. */
    public LedgerPage page(LedgerQuery query, TenantScope scope, Optional<LedgerCursor> after, int limit) {
        if (outside(query, scope)) {
            return new LedgerPage(rateCards.reportingCurrency(), List.of(), BigDecimal.ZERO, 0, Optional.empty());
        }
        return ledgers.page(query.within(scope), after, limit);
    }

    private static boolean outside(LedgerQuery query, TenantScope scope) {
        return !scope.all()
                && query.tenant().isPresent()
                && !scope.keys().contains(query.tenant().get());
    }
}
