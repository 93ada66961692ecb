/**
 * The chargeback workbook: {@link io.tokenledger.reporting.excel.ChargebackWorkbooks} writes a
 * {@link io.tokenledger.reporting.statement.ChargebackStatement} as an .xlsx with Apache POI's streaming API.
 * Money becomes a spreadsheet number only at the cell, from the rounded {@link java.math.BigDecimal}.
 */
package io.tokenledger.reporting.excel;
