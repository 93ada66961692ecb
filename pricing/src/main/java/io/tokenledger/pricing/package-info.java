/**
 * Prices: effective-dated rate cards per deployment and the cost formula that applies them.
 *
 * <p>Public face: {@link io.tokenledger.pricing.RateCards} (publish and list versions, build a
 * {@link io.tokenledger.pricing.PriceBook} for a batch), {@link io.tokenledger.pricing.CostExpression} (the one
 * cost formula, as SQL, used wherever usage is priced), {@link io.tokenledger.pricing.BusinessCalendar} and the
 * value records. A published version is announced with {@link io.tokenledger.pricing.RateCardPublished} so that
 * usage already stored can be re-priced. The named interfaces {@code fx}, {@code imports} and {@code provisioned}
 * complete it; ARCHITECTURE.md lists the whole face, and the build holds other modules to it.
 */
package io.tokenledger.pricing;
