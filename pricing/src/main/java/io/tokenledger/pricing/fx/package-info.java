/** FX rates per billing period ({@link io.tokenledger.pricing.fx.FxRates}) into the reporting currency. */
@NamedInterface("fx")
package io.tokenledger.pricing.fx;

import org.springframework.modulith.NamedInterface;
