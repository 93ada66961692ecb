/**
 * Reading stored usage events back, one tenant at a time: the dashboard's drill-down from a tenant's spend to the
 * single requests behind it, a page at a time with a keyset cursor (never an unbounded list), and a tenant's usage
 * per user. Callers decide whether the person asking may see the tenant.
 */
@NamedInterface("browse")
package io.tokenledger.ingest.browse;

import org.springframework.modulith.NamedInterface;
