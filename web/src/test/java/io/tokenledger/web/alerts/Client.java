package io.tokenledger.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the running server, as a script (HTTP Basic) or a signed-in browser (cookies, CSRF) would. */
final class Client {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    private Client(int port, String authorization, boolean cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.client = builder.build();
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = authorization;
    }

    static Client admin(int port) {
        String token = Base64.getEncoder()
                .encodeToString(("admin:" + AlertsServerTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new Client(port, "Basic " + token, false);
    }

    static Client anonymous(int port) {
        return new Client(port, null, false);
    }

    /** A browser signed in as admin through the login form. */
    static Client signedInBrowser(int port) {
        Client browser = new Client(port, null, true);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", AlertsServerTest.ADMIN_PASSWORD);
        Reply reply = browser.submit("/login", "/login", form);
        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
        return browser;
    }

    /** Empties every table but the users (the shared server keeps its admin). */
    static void clearData() {
        var dsl = TestDatabase.get().dsl();
        List<String> tables = dsl
                .fetchValues("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename not in ('flyway_schema_history', 'app_user', 'app_user_tenant')")
                .stream()
                .map(String::valueOf)
                .toList();
        dsl.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
    }

    record Reply(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        Document html() {
            return Jsoup.parse(body);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + "\n" + body;
        }
    }

    Reply get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    Reply page(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    Reply post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(request(path).header("Accept", "application/json").DELETE());
    }

    /** Posts a form as the browser would from {@code page}: with the CSRF token of that page. */
    Reply submit(String page, String action, Map<String, String> fields) {
        String csrf = page(page).html().select("input[name=_csrf]").first().attr("value");
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
