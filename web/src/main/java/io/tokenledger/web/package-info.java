/**
 * The Spring Boot application: wiring, security, the REST API ({@code web.api}) and the dashboard
 * ({@code web.dashboard}). Nothing depends on this module.
 */
package io.tokenledger.web;
