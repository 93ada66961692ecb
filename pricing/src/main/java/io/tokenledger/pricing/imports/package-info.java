/**
 * Rate cards from files: CSV, the AI Hub Gateway's {@code model-pricing.json} and the starter catalogue of Azure
 * OpenAI prices. Every import is previewed first; a real import publishes all of its cards in one transaction or,
 * when any line is wrong, none.
 */
@NamedInterface("imports")
package io.tokenledger.pricing.imports;

import org.springframework.modulith.NamedInterface;
