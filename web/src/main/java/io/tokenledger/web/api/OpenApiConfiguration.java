package io.tokenledger.web.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
}
