package io.tokenledger.web.security;

import io.tokenledger.db.RejectedException;
import io.tokenledger.web.TokenLedgerProperties;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import org.springframework.stereotype.Component;

/**
 * What a local password must be: at least {@code tokenledger.security.password-min-length} characters and at most the
 * 72 bytes bcrypt reads; not containing the user name; not a few characters repeated; not one of the 100,000 most
 * common passwords (the list nbvcxz ships), also not with digits or symbols added at its end ({@code Password2024!}).
 * Each refusal names the field and says what to change.
 */
@Component
class PasswordPolicy {

    /** Fewer different characters than this make a password a repetition ({@code aaaaaaaaaaaa}, {@code abababab…}). */
    static final int MIN_DISTINCT_CHARACTERS = 5;

    /** The longest run of one character. */
    static final int MAX_RUN = 3;

    /** A user name shorter than this is not looked for inside the password (it would refuse too much). */
    private static final int MIN_NAME_LENGTH = 3;

    private final int minLength;

    PasswordPolicy(TokenLedgerProperties properties) {
        this.minLength = properties.security().passwordMinLength();
    }

    int minLength() {
        return minLength;
    }

    /** @throws RejectedException naming {@code password} when {@code password} may not be used by {@code username} */
    void check(String username, String password) {
        problem(username, password).ifPresent(problem -> {
            throw RejectedException.invalid("password", problem);
        });
    }

    /** What is wrong with {@code password} for {@code username}, if anything. */
    Optional<String> problem(String username, String password) {
        if (password == null || password.length() < minLength) {
            return Optional.of("password must have at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            // bcrypt reads only the first 72 bytes; a longer password would be silently truncated
            return Optional.of("password must have at most 72 bytes (UTF-8)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null
                && username.strip().length() >= MIN_NAME_LENGTH
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password must not contain the user name");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("password must use at least " + MIN_DISTINCT_CHARACTERS
                    + " different characters, not a few repeated");
        }
        if (longestRun(password) > MAX_RUN) {
            return Optional.of("password must not repeat a character more than " + MAX_RUN + " times in a row");
        }
        if (CommonPasswords.contains(lower) || CommonPasswords.contains(withoutTrailingDigitsAndSymbols(lower))) {
            return Optional.of("password is one of the most common passwords (or one with digits or symbols added);"
                    + " choose another, for example a few unrelated words");
        }
        return Optional.empty();
    }

    private static int longestRun(String password) {
        int longest = 0;
        int run = 0;
        int previous = -1;
        for (int c : password.codePoints().toArray()) {
            run = c == previous ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = c;
        }
        return longest;
    }

    private static String withoutTrailingDigitsAndSymbols(String password) {
        int end = password.length();
        while (end > 0 && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(0, end);
    }

    /** nbvcxz's list of common passwords, loaded on first use (about 100,000 words). */
    private static final class CommonPasswords {

        private static final Map<String, Integer> WORDS = ConfigurationBuilder.getDefaultDictionaries().stream()
                .filter(dictionary -> dictionary.getDictionaryName().equals("passwords"))
                .findFirst()
                .map(Dictionary::getDictonary)
                .orElseThrow(() -> new IllegalStateException("nbvcxz ships no 'passwords' dictionary"));

        static boolean contains(String password) {
            return !password.isEmpty() && WORDS.containsKey(password);
        }
    }
}
