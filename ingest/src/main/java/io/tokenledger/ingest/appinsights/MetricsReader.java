package io.tokenledger.ingest.appinsights;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.models.LogsQueryOptions;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsQueryResultStatus;
import com.azure.monitor.query.models.QueryTimeInterval;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one window's query with the SDK and tells a complete answer from one that must not be trusted: a partial
 * answer ({@code PARTIAL_FAILURE}: the service stopped early, e.g. at its size limit), an answer that reached
 * {@code max-rows} (it may have been cut off), or a gateway timeout. Other failures (throttling the SDK's retries
 * did not outlast, authorization, a bad query) are thrown.
 */
class MetricsReader {

    private static final Logger log = LoggerFactory.getLogger(MetricsReader.class);

    private final LogsQueryClient client;
    private final AppInsights settings;
    private final MetricsQuery query;
    private final MetricRows rows;

    MetricsReader(LogsQueryClient client, AppInsights settings) {
        this.client = client;
        this.settings = settings;
        this.query = new MetricsQuery(settings);
        this.rows = new MetricRows();
    }

    /** What one query answered. */
    sealed interface Answer {}

    /** Every bin of the window that got data in it. */
    record Complete(List<MetricBin> bins) implements Answer {}

    /** Not to be used: too large, cut off or partly failed; {@code reason} says which. */
    record Incomplete(String reason) implements Answer {}

    Answer read(PullWindow window) {
        String kql = query.kql(window);
        log.debug("Application Insights query for {}:\n{}", window, kql);
        QueryTimeInterval interval = new QueryTimeInterval(
                window.eventFrom().atOffset(ZoneOffset.UTC), window.eventTo().atOffset(ZoneOffset.UTC));
        LogsQueryOptions options = new LogsQueryOptions()
                .setServerTimeout(settings.queryTimeout())
                // a partial answer is looked at here (and never used) instead of surfacing as an exception
                .setAllowPartialErrors(true);
        LogsQueryResult result;
        try {
            Response<LogsQueryResult> response = settings.workspaceId() != null
                    ? client.queryWorkspaceWithResponse(settings.workspaceId(), kql, interval, options, Context.NONE)
                    : client.queryResourceWithResponse(settings.resourceId(), kql, interval, options, Context.NONE);
            result = response.getValue();
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 504) {
                return new Incomplete("the query timed out (HTTP 504)");
            }
            throw e;
        }
        if (result.getQueryResultStatus() == LogsQueryResultStatus.PARTIAL_FAILURE) {
            String error = result.getError() == null
                    ? "no detail"
                    : result.getError().getCode() + ": " + result.getError().getMessage();
            return new Incomplete("partial answer (" + error + ")");
        }
        if (result.getQueryResultStatus() == LogsQueryResultStatus.FAILURE) {
            throw new IllegalStateException("the query failed: "
                    + (result.getError() == null
                            ? "no detail"
                            : result.getError().getMessage()));
        }
        List<MetricBin> bins = result.getTable() == null ? List.of() : rows.read(result.getTable());
        if (bins.size() >= settings.maxRows()) {
            return new Incomplete("the answer reached " + AppInsights.PREFIX + "max-rows (" + settings.maxRows()
                    + " rows) and may be cut off");
        }
        return new Complete(bins);
    }
}
