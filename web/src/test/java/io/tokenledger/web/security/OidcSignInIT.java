package io.tokenledger.web.security;

import static io.tokenledger.web.testing.ScopedData.OTHER;
import static io.tokenledger.web.testing.ScopedData.OWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.web.TokenLedgerApplication;
import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with OIDC, the real authorization-code flow against {@link LocalOidcProvider}: the browser is sent to the
 * provider, comes back with a code, TokenLedger redeems it for a signed ID token, checks it against the provider's
 * keys and maps the person's app roles and groups to a role and tenants. Its own application context, since OIDC
 * is configured at start-up.
 */
@SpringBootTest(
        classes = TokenLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenledger.admin-password=" + TokenLedgerServerTest.ADMIN_PASSWORD,
            "tokenledger.security.oidc.client-id=" + LocalOidcProvider.CLIENT_ID,
            "tokenledger.security.oidc.client-secret=" + LocalOidcProvider.CLIENT_SECRET,
            "tokenledger.security.oidc.role-mappings[TokenLedger.Finance]=FINANCE",
            "tokenledger.security.oidc.role-mappings[0b1e-viewers]=TENANT_VIEWER",
            "tokenledger.security.oidc.tenant-mappings[0b1e-viewers]=" + OWN
        })
@UsesTestDatabase
class OidcSignInIT {

    private static final LocalOidcProvider PROVIDER = new LocalOidcProvider();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("tokenledger.security.oidc.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void twoTenants() {
        ScopedData.seed(Api.asAdmin(port));
    }

    @Test
    void loginPageOffersMicrosoftSignIn() {
        assertThat(Api.anonymous(port).getHtml("/login").body()).contains("Sign in with Microsoft");
    }

    @Test
    void appRoleFinanceSeesEveryTenant() {
        PROVIDER.signInNext(
                Map.of("preferred_username", "fiona@contoso.example", "roles", List.of("TokenLedger.Finance")));

        Browser browser = signInWithOidc();

        String tenants = browser.get("/tenants").body();
        assertThat(tenants).contains("fiona@contoso.example").contains(OWN).contains(OTHER);
        assertThat(browser.get("/users").statusCode()).isEqualTo(403);
    }

    @Test
    void groupMappedToTenantViewerSeesOnlyItsTenant() {
        PROVIDER.signInNext(
                Map.of("preferred_username", "vic@contoso.example", "groups", List.of("unrelated", "0b1e-viewers")));

        Browser browser = signInWithOidc();

        assertThat(browser.get("/tenants").body()).contains(OWN).doesNotContain(OTHER);
        assertThat(browser.get("/tenants/" + OTHER).statusCode()).isEqualTo(403);
        assertThat(browser.get("/tenants/" + OWN).statusCode()).isEqualTo(200);
    }

    @Test
    void personWithoutAMappedRoleIsRefused() {
        PROVIDER.signInNext(Map.of("preferred_username", "eve@contoso.example", "groups", List.of("unrelated")));

        Browser browser = new Browser(port);
        HttpResponse<String> callback = browser.followToCallback();

        assertThat(callback.headers().firstValue("Location").orElse("")).endsWith("/login?denied");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    private Browser signInWithOidc() {
        Browser browser = new Browser(port);
        HttpResponse<String> callback = browser.followToCallback();
        assertThat(callback.statusCode()).as(callback::toString).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return browser;
    }

    /** Cookies kept, redirects followed by hand, as the test needs to see each hop. */
    private static final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final URI base;

        Browser(int port) {
            this.base = URI.create("http://127.0.0.1:" + port);
        }

        HttpResponse<String> get(String path) {
            return send(base.resolve(path));
        }

        /** Start at the sign-in button, through the provider, to TokenLedger's answer on the callback. */
        HttpResponse<String> followToCallback() {
            HttpResponse<String> toProvider = get("/oauth2/authorization/entra");
            assertThat(toProvider.statusCode()).as(toProvider::toString).isEqualTo(302);
            String authorize = toProvider.headers().firstValue("Location").orElseThrow();
            assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize");
            HttpResponse<String> back = send(URI.create(authorize));
            assertThat(back.statusCode()).as(back::toString).isEqualTo(302);
            return send(URI.create(back.headers().firstValue("Location").orElseThrow()));
        }

        private HttpResponse<String> send(URI uri) {
            try {
                return client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Accept", "text/html")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
