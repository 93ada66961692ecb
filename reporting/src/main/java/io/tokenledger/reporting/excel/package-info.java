/**
 * The chargeback workbook: {@link io.tokenledger.reporting.excel.ChargebackWorkbooks} writes a
 * {@link io.tokenledger.reporting.statement.ChargebackStatement} as an .xlsx with Apache POI's streaming API.
 * Money becomes a spreadsheet number only at the cell, from the rounded {@link java.math.BigDecimal}.
 */
@NamedInterface("excel")
package io.tokenledger.reporting.excel;

import org.springframework.modulith.NamedInterface;
