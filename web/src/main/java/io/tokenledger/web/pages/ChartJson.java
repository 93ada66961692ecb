package io.tokenledger.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart as {@code static/js/charts.js} draws it, written into a {@code data-chart} attribute (the content security
 * policy allows no inline script). Amounts go as decimal strings, rounded to four places: enough for the eye, the
 * exact figures are in the tables.
 */
public final class ChartJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartJson() {}

    /** One series; {@code data} holds one amount (or null) per label. */
    public record Series(String label, List<String> data, boolean dashed) {

        public static Series of(String label, List<BigDecimal> amounts) {
            return new Series(label, amounts.stream().map(ChartJson::amount).toList(), false);
        }

        public Series withDashes() {
            return new Series(label, data, true);
        }
    }

    public static String bars(List<String> labels, List<Series> series, boolean stacked, String currency) {
        return write("bar", labels, series, stacked, currency);
    }

    public static String lines(List<String> labels, List<Series> series, String currency) {
        return write("line", labels, series, false, currency);
    }

    public static String amount(BigDecimal amount) {
        return amount == null ? null : amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String write(
            String type, List<String> labels, List<Series> series, boolean stacked, String currency) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("stacked", stacked);
        chart.put("currency", currency);
        chart.put("labels", labels);
        chart.put(
                "datasets",
                series.stream()
                        .map(one -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("label", one.label());
                            json.put("data", one.data());
                            json.put("dashed", one.dashed());
                            return json;
                        })
                        .toList());
        return JSON.writeValueAsString(chart);
    }
}
