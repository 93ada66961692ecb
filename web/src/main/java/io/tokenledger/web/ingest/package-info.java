/**
 * Getting usage in: {@code POST /api/v1/usage-events} (the HTTP source, within
 * {@code tokenledger.ingest.http.max-body-size}), {@code /api/v1/dead-letters} (list and replay),
 * {@code /api/v1/ingest-keys} (the machines' keys), {@code GET /api/v1/ingest/status} and the {@code /ingestion} page
 * (each source's activity, each Event Hubs partition's checkpoint, owner and lag).
 */
package io.tokenledger.web.ingest;
