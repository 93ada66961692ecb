/** FX rates per billing period ({@link io.tokenledger.pricing.fx.FxRates}) into the reporting currency. */
package io.tokenledger.pricing.fx;
