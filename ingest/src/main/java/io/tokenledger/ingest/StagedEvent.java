package io.tokenledger.ingest;

import java.time.LocalDate;

/** A valid event with everything the write needs: its business day, tenant and pricing version (null = unpriced). */
record StagedEvent(UsageEvent event, String source, LocalDate day, String tenant, Long rateCardId) {}
