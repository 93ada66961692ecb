/**
 * Prices: {@code /api/v1/rate-cards} (versions, {@code /import} of files and {@code /catalogue} with a preview),
 * {@code /api/v1/fx-rates}, {@code /api/v1/provisioned} (PTU commitments and their allocation),
 * {@code /api/v1/chargeback-models}; the {@code /rate-cards} page (every pattern's price history, the publish form,
 * imports) and the {@code /pricing-settings} page (commitments, chargeback models and FX rates with their forms).
 */
package io.tokenledger.web.pricing;
