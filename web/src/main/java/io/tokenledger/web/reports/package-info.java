/** Chargeback statements as downloads, shared by the reports API and the reports page. */
package io.tokenledger.web.reports;
