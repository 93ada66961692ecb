/**
 * Billing periods: closing a month (by an admin or automatically some days after its end), and its status.
 */
@NamedInterface("periods")
package io.tokenledger.reporting.periods;

import org.springframework.modulith.NamedInterface;
