package io.tokenledger.ingest.appinsights;

/** Names shared by the Application Insights source. */
final class AppInsightsSource {

    /** {@code usage_event.source} of the events this source books. */
    static final String SOURCE = "appinsights";

    /** The deployment of usage whose metrics carry no deployment dimension (it stays visible as unpriced). */
    static final String UNKNOWN_DEPLOYMENT = "(no deployment dimension)";

    private AppInsightsSource() {}
}
