/**
 * The Spring Boot application: every page and REST endpoint, organised by feature. A feature's package holds its API
 * controller and its page together: {@code overview}, {@code ledger}, {@code tenants}, {@code pricing}, {@code alerts},
 * {@code periods}, {@code reports}, {@code ingest}, {@code reconciliation}, {@code users}. What they share is in
 * {@code api} (problem+json, OpenAPI) and {@code pages} (page context, money formatting, charts, sign-in);
 * {@code security} signs people and machines in and scopes them to their tenants; {@code demo} loads demo data.
 * {@link io.tokenledger.web.Amounts} is how money leaves the service, in JSON and on pages. Nothing depends on this
 * module.
 */
package io.tokenledger.web;
