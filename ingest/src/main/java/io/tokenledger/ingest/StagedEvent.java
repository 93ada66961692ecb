package io.tokenledger.ingest;

import io.tokenledger.ingest.format.UsageEvent;
import java.time.LocalDate;

/**
 * A valid event with what the write needs from Java: its business day and pricing version (null = unpriced). Its
 * tenant is resolved in SQL by the write itself ({@link TenantResolver}).
 */
record StagedEvent(UsageEvent event, String source, LocalDate day, Long rateCardId) {}
