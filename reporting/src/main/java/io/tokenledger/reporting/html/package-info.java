/**
 * The HTML chargeback statement: {@link io.tokenledger.reporting.html.HtmlStatements} renders a
 * {@link io.tokenledger.reporting.statement.ChargebackStatement} with Thymeleaf, for the web and for email.
 */
@NamedInterface("html")
package io.tokenledger.reporting.html;

import org.springframework.modulith.NamedInterface;
