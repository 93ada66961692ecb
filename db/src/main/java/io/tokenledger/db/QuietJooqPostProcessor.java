package io.tokenledger.db;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Turns off jOOQ's logo and "tip of the day", which it logs with the first query of a JVM. jOOQ reads them only as
 * system properties ({@code org.jooq.no-logo}, {@code org.jooq.no-tips}) when its classes load, so they are set here,
 * at the start of every Spring application with this module, before any query; a value given with {@code -D} wins.
 */
class QuietJooqPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        setUnlessGiven("org.jooq.no-logo");
        setUnlessGiven("org.jooq.no-tips");
    }

    private static void setUnlessGiven(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
