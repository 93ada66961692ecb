/**
 * Chargeback models: at cost (default), markup or discount in percent, or free, per tenant or cost center and
 * effective from a billing period ({@link io.tokenledger.reporting.chargeback.ChargebackModels}); statements show the
 * cost and the amount charged.
 */
@NamedInterface("chargeback")
package io.tokenledger.reporting.chargeback;

import org.springframework.modulith.NamedInterface;
