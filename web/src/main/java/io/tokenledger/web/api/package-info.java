/**
 * What every REST endpoint shares, whichever feature it belongs to: errors as {@code application/problem+json}
 * ({@link io.tokenledger.web.api.ApiExceptionHandler}: a refusal from any module, a wrong parameter, an unreadable
 * body, the unexpected), {@link io.tokenledger.web.api.ApiProblem} for a controller's own refusals, and the OpenAPI
 * description at {@code GET /api/v1/openapi}. The endpoints themselves live with their feature.
 */
package io.tokenledger.web.api;
