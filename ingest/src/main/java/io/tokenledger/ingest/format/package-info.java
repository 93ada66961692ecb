/**
 * Usage payloads in every accepted format: {@link io.tokenledger.ingest.format.UsagePayloadParser} turns a body
 * (bytes and media type) into per-record outcomes, valid records or every field error.
 */
@NamedInterface("format")
package io.tokenledger.ingest.format;

import org.springframework.modulith.NamedInterface;
