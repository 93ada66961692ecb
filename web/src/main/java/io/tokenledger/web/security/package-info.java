/**
 * Who may do what: two filter chains ({@code /api/**} stateless with HTTP Basic or an ingest key; pages with form
 * login or OIDC, CSRF and security headers), local users ({@link io.tokenledger.web.security.UserAccounts}), sign-in
 * throttling, and {@link io.tokenledger.web.security.ViewerScopes}, which turns the signed-in person into the
 * {@code TenantScope} every tenant read is limited to.
 */
package io.tokenledger.web.security;
