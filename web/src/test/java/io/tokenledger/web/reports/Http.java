package io.tokenledger.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the running server, as a script (HTTP Basic) or a browser (cookies, form login with CSRF) would. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    private Http(int port, String authorization, boolean cookies) {
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

    static Http admin(int port) {
        String token = Base64.getEncoder()
                .encodeToString(("admin:" + ReportsServerTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return new Http(port, "Basic " + token, false);
    }

    /** A browser signed in as admin through the login form. */
    static Http signedInBrowser(int port) {
        Http browser = new Http(port, null, true);
        String csrf = browser.csrf("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", ReportsServerTest.ADMIN_PASSWORD);
        form.put("_csrf", csrf);
        Reply<String> reply = browser.postForm("/login", form);
        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
        return browser;
    }

    record Reply<T>(int status, HttpHeaders headers, T body) {

        String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        JsonNode json() {
            return JSON.readTree((String) body);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + "\n" + (body instanceof byte[] ? "(bytes)" : body);
        }
    }

    Reply<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET(), HttpResponse.BodyHandlers.ofString());
    }

    Reply<byte[]> getBytes(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Reply<String> postJson(String path, String json) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    Reply<String> postForm(String path, Map<String, String> fields) {
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

    /** The CSRF token of the first form on a page. */
    String csrf(String page) {
        return Jsoup.parse(get(page, "text/html").body())
                .select("input[name=_csrf]")
                .first()
                .attr("value");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
