package io.tokenledger.db;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets operators point TokenLedger at an external PostgreSQL with {@code TOKENLEDGER_DB_URL} (and
 * {@code TOKENLEDGER_DB_USER} / {@code TOKENLEDGER_DB_PASSWORD}) as an alternative to the
 * {@code spring.datasource.*} properties, which win when both are given.
 */
class ExternalDatabaseUrlPostProcessor implements EnvironmentPostProcessor {

    static final String URL_VARIABLE = "TOKENLEDGER_DB_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL_VARIABLE);
        if (url == null || url.isBlank() || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put("spring.datasource.url", url);
        copy(environment, "TOKENLEDGER_DB_USER", "spring.datasource.username", mapped);
        copy(environment, "TOKENLEDGER_DB_PASSWORD", "spring.datasource.password", mapped);
        environment.getPropertySources().addLast(new MapPropertySource("tokenledgerDbEnvironment", mapped));
    }

    private static void copy(
            ConfigurableEnvironment environment, String variable, String property, Map<String, Object> target) {
        String value = environment.getProperty(variable);
        if (value != null && !environment.containsProperty(property)) {
            target.put(property, value);
        }
    }
}
