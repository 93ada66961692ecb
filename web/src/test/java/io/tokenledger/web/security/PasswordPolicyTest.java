package io.tokenledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.db.RejectedException;
import io.tokenledger.web.TokenLedgerProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The rules a local password must meet (issue 22, item 12), one refusal each, naming the field. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("tokenledger", TokenLedgerProperties.class));

    @Test
    void refusesTooShortAndTooLong() {
        assertRefused("ana", "short-pass1", "at least 12 characters");
        assertRefused("ana", "é".repeat(37), "at most 72 bytes");
    }

    @Test
    void refusesTheUserNameInAnyCase() {
        assertRefused("admin3", "admin3admin3", "user name");
        assertRefused("ana.lopez", "Ana.Lopez-2026-pay", "user name");
    }

    @Test
    void refusesRepeatedCharacters() {
        assertRefused("ana", "aaaaaaaaaaaa", "different characters");
        assertRefused("ana", "abababababab", "different characters");
        assertRefused("ana", "river-cloudddd-7", "more than 3 times in a row");
    }

    @Test
    void refusesCommonPasswordsAlsoWithDigitsOrSymbolsAdded() {
        assertRefused("ana", "qwertyuiopasdfgh", "most common passwords");
        assertRefused("ana", "Password1234", "most common passwords");
        assertRefused("ana", "sunshine2024!!", "most common passwords");
    }

    @Test
    void acceptsAPassphrase() {
        assertThat(policy.problem("ana", "violet-harbour-engine-42")).isEmpty();
        assertThat(policy.problem("ana", "a-long-password")).isEmpty();
    }

    private void assertRefused(String username, String password, String because) {
        assertThatThrownBy(() -> policy.check(username, password))
                .isInstanceOfSatisfying(RejectedException.class, rejected -> {
                    assertThat(rejected.field()).isEqualTo("password");
                    assertThat(rejected.getMessage()).contains(because);
                });
    }
}
