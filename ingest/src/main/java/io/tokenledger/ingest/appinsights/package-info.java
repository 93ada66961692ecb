/**
 * Application Insights ingestion: a scheduled pull of APIM's token metrics ({@code azure-openai-emit-token-metric} /
 * {@code llm-emit-token-metric}) from {@code customMetrics} or a workspace's {@code AppMetrics} with the Azure Monitor
 * Query SDK. Each (time bin, dimension set) is booked as delta events through the ingest pipeline, so a bin that
 * grows with late data changes the ledger by the growth only; the watermark and the counted bins commit with the
 * events. One instance pulls at a time (a lease on the watermark row).
 *
 * <p>Public face: {@link io.tokenledger.ingest.appinsights.AppInsightsStatus} and
 * its settings, {@link io.tokenledger.ingest.IngestProperties.AppInsights}. Owns {@code appinsights_bin} and
 * {@code appinsights_watermark}. See {@code docs/appinsights.md}.
 */
@NamedInterface("appinsights")
package io.tokenledger.ingest.appinsights;

import org.springframework.modulith.NamedInterface;
