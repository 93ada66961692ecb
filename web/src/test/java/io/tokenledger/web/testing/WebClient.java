package io.tokenledger.web.testing;

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

/**
 * Real HTTP to the running server of a web test, as a script (HTTP Basic) or a browser (cookies, form login with
 * CSRF) would.
 */
public final class WebClient {

    /** The {@code admin} password the web tests' servers are started with. */
    public static final String ADMIN_PASSWORD = "test-admin-pw";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    private WebClient(int port, String authorization, boolean cookies) {
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

    public static WebClient admin(int port) {
        String token = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new WebClient(port, "Basic " + token, false);
    }

    public static WebClient anonymous(int port) {
        return new WebClient(port, null, false);
    }

    /** A browser signed in as admin through the login form. */
    public static WebClient signedInBrowser(int port) {
        WebClient browser = new WebClient(port, null, true);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", ADMIN_PASSWORD);
        Reply<String> reply = browser.submit("/login", "/login", form);
        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
        return browser;
    }

    /** Empties every table but the users (the shared server keeps its admin). */
    public static void clearData() {
        var dsl = TestDatabase.get().dsl();
        List<String> tables = dsl
                .fetchValues("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename not in ('flyway_schema_history', 'app_user', 'app_user_tenant')")
                .stream()
                .map(String::valueOf)
                .toList();
        dsl.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
    }

    /** An answer; {@code body} is text, or bytes for {@link #getBytes}. */
    public record Reply<T>(int status, HttpHeaders headers, T body) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public JsonNode json() {
            return JSON.readTree((String) body);
        }

        public Document html() {
            return Jsoup.parse((String) body);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + "\n" + (body instanceof byte[] ? "(bytes)" : body);
        }
    }

    public Reply<String> get(String path) {
        return get(path, "application/json");
    }

    public Reply<String> page(String path) {
        return get(path, "text/html");
    }

    public Reply<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET(), HttpResponse.BodyHandlers.ofString());
    }

    public Reply<byte[]> getBytes(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public Reply<String> postJson(String path, String json) {
        return sendJson(path, "POST", json);
    }

    public Reply<String> put(String path, String json) {
        return sendJson(path, "PUT", json);
    }

    public Reply<String> delete(String path) {
        return send(request(path).header("Accept", "application/json").DELETE(), HttpResponse.BodyHandlers.ofString());
    }

    public Reply<String> postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form as the browser would from {@code page}: with the CSRF token of that page. */
    public Reply<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(page));
        return postForm(action, form);
    }

    /** The CSRF token of the first form on a page. */
    public String csrf(String page) {
        return page(page).html().select("input[name=_csrf]").first().attr("value");
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply<String> sendJson(String path, String method, String json) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private <T> Reply<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> response = client.send(request.build(), handler);
            return new Reply<>(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
