package io.tokenledger.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when neither {@code spring.datasource.url} nor {@code TOKENLEDGER_DB_URL} names a database. */
class NoExternalDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return isBlank(environment.getProperty("spring.datasource.url"))
                && isBlank(environment.getProperty(ExternalDatabaseUrlPostProcessor.URL_VARIABLE));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
