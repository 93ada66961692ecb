package io.tokenledger.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/** Signing in and posting forms the way a browser does: with the CSRF token of the page the form is on. */
public final class DashboardLogin {

    private DashboardLogin() {}

    public static void signIn(Api browser, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        Reply reply = postWithCsrf(browser, "/login", "/login", form);
        assertThat(reply.status()).as(reply::toString).isEqualTo(302);
    }

    /** Reads {@code page} for its CSRF token and posts {@code fields} with it to {@code action}. */
    public static Reply postWithCsrf(Api browser, String page, String action, Map<String, String> fields) {
        String csrf = Jsoup.parse(browser.getHtml(page).body())
                .select("input[name=_csrf]")
                .attr("value");
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        return browser.postForm(action, form);
    }
}
