package io.tokenledger.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the REST API, served at {@code GET /api/v1/openapi} (springdoc). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tokenLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("TokenLedger API")
                        .version("v1")
                        .description("Usage metering and chargeback for LLM traffic. Money is a JSON string with full"
                                + " precision; days are YYYY-MM-DD; errors are application/problem+json."))
                .schemaRequirement(
                        "basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .schemaRequirement(
                        "ingestKey",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("an ingest key (tlk_…), for POST /api/v1/usage-events only"))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("ingestKey"));
    }

    /**
     * Enum parameters as the API writes them ({@code azure-retail}, which {@link ParameterFormats} reads), not as
     * Java names them.
     */
    @Bean
    ParameterCustomizer enumParametersAsWritten() {
        return (parameter, method) -> {
            Class<?> type = method.getParameterType();
            if (parameter != null && parameter.getSchema() != null && type.isEnum()) {
                @SuppressWarnings("unchecked")
                Schema<Object> schema = parameter.getSchema();
                schema.setEnum(Arrays.stream(type.getEnumConstants())
                        .map(value -> (Object) ParameterFormats.parameter((Enum<?>) value))
                        .toList());
            }
            return parameter;
        };
    }
}
