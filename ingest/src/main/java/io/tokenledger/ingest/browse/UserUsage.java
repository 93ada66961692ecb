package io.tokenledger.ingest.browse;

import java.math.BigDecimal;

/**
 * A tenant's usage by one user (the gateway's user id; null when the events carried none).
 *
 * @param cost exact, of the priced requests
 */
public record UserUsage(String user, long requests, long tokens, BigDecimal cost, long unpricedRequests) {}
