package io.tokenledger.bench.render;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times dashboard pages of a running service over HTTP on 127.0.0.1, signed in through the login form as an admin:
 * {@code --warmup} unmeasured requests, then {@code --runs} measured ones per page, one after another. On loopback
 * the response time is the server's time to read, render and send the page.
 *
 * <p>Arguments: {@code --base=http://127.0.0.1:PORT --password=P --runs=50 --warmup=20 --out=FILE --events=N
 * --environment=TEXT}.
 */
public final class RenderTimes {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private RenderTimes() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(RenderData.option(args, "base", "http://127.0.0.1:8080"));
        String password = RenderData.option(args, "password", "bench-admin-pw");
        int runs = Integer.parseInt(RenderData.option(args, "runs", "50"));
        int warmup = Integer.parseInt(RenderData.option(args, "warmup", "20"));
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(client, base, password);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview `/`", "/");
        pages.put("tenant page, largest tenant `/tenants/tenant-0`", "/tenants/tenant-0");
        pages.put("tenant page, small tenant `/tenants/tenant-300`", "/tenants/tenant-300");
        pages.put("drill-down, first page `/tenants/tenant-0/events`", "/tenants/tenant-0/events");
        pages.put("tenants list `/tenants`", "/tenants");
        StringBuilder table =
                new StringBuilder("| page | p50 ms | p95 ms | max ms | bytes |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            URI uri = base.resolve(page.getValue());
            int bytes = 0;
            for (int i = 0; i < warmup; i++) {
                bytes = get(client, uri).length();
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long began = System.nanoTime();
                get(client, uri);
                millis[i] = (System.nanoTime() - began) / 1e6;
            }
            Arrays.sort(millis);
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f | %,d |%n",
                    page.getKey(),
                    millis[runs / 2],
                    millis[(int) Math.ceil(runs * 0.95) - 1],
                    millis[runs - 1],
                    bytes));
        }
        String report = "# Dashboard render time, " + LocalDate.now() + "\n\n"
                + RenderData.option(args, "environment", "") + "\n\n"
                + "Data: " + String.format(Locale.ROOT, "%,d", Long.parseLong(RenderData.option(args, "events", "0")))
                + " usage events over the 92 days up to the run (600 tenants, 30 deployments, Zipf-like; 40 users per"
                + " tenant), loaded through the ingest pipeline; 100 tenant budgets. Each page: " + warmup
                + " warm-up requests, then " + runs + " measured, sequential, signed in as admin, over HTTP on"
                + " 127.0.0.1 (`bench/render`).\n\n" + table;
        System.out.println(report);
        Path out = Path.of(RenderData.option(args, "out", "bench/results/render-latest.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
    }

    private static void signIn(HttpClient client, URI base, String password) throws Exception {
        String login = get(client, base.resolve("/login"));
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + location);
        }
    }

    private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
