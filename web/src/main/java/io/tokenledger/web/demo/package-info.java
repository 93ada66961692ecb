/** {@code --tokenledger.demo=true}: rate cards and a month of synthetic traffic through the real pipeline. */
package io.tokenledger.web.demo;
