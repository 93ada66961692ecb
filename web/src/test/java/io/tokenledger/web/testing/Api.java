package io.tokenledger.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A client of the running server over real HTTP/1.1, as a script or a browser would talk to it: one connection
 * pool per instance, redirects not followed, HTTP Basic credentials on every request when given.
 */
public final class Api {

    public static final String JSON = "application/json";

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    private Api(HttpClient client, URI base, String authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    public static Api asAdmin(int port) {
        return withCredentials(port, "admin", TokenLedgerServerTest.ADMIN_PASSWORD);
    }

    public static Api withCredentials(int port, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(newClient(null), baseOf(port), "Basic " + token);
    }

    /** A machine with an ingest key. */
    public static Api withBearer(int port, String key) {
        return new Api(newClient(null), baseOf(port), "Bearer " + key);
    }

    public static Api anonymous(int port) {
        return new Api(newClient(null), baseOf(port), null);
    }

    /** Without credentials but keeping cookies, like a browser. */
    public static Api browser(int port) {
        return new Api(newClient(new CookieManager()), baseOf(port), null);
    }

    private static HttpClient newClient(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    private static URI baseOf(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    public Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).header("Accept", JSON).GET());
    }

    public Reply delete(String pathAndQuery) {
        return send(request(pathAndQuery).header("Accept", JSON).DELETE());
    }

    public Reply put(String path, String json) {
        return send(request(path)
                .header("Accept", JSON)
                .header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply getHtml(String pathAndQuery) {
        return send(request(pathAndQuery).header("Accept", "text/html").GET());
    }

    public Reply postJson(String path, String json) {
        return post(path, JSON, json);
    }

    public Reply post(String path, String contentType, String body) {
        return post(path, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    public Reply post(String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = request(path).header("Accept", JSON).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** An HTML form post, as a browser sends it. */
    public Reply postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** {@code GET /api/v1/ledger} with the given query, which must answer 200. */
    public Reply ledger(String query) {
        Reply reply = get("/api/v1/ledger?" + query);
        if (reply.status() != 200) {
            throw new AssertionError("GET /api/v1/ledger?" + query + " answered " + reply);
        }
        return reply;
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("The server did not answer " + request.build(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
