package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestProperties.AppInsights;

/** The columns of the two places the metrics can be read. */
enum MetricsSchema {
    /** Application Insights' own {@code customMetrics}. */
    CLASSIC("customMetrics", "timestamp", "name", "valueSum", "valueCount", "customDimensions"),
    /** A Log Analytics workspace's {@code AppMetrics}. */
    WORKSPACE("AppMetrics", "TimeGenerated", "Name", "Sum", "ItemCount", "Properties");

    final String table;
    final String time;
    final String name;
    final String sum;
    final String count;
    final String dimensions;

    MetricsSchema(String table, String time, String name, String sum, String count, String dimensions) {
        this.table = table;
        this.time = time;
        this.name = name;
        this.sum = sum;
        this.count = count;
        this.dimensions = dimensions;
    }

    /** Which table and columns the query of these settings reads. */
    static MetricsSchema of(AppInsights settings) {
        return settings.workspaceId() != null ? WORKSPACE : CLASSIC;
    }
}
