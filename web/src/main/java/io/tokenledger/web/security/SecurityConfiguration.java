package io.tokenledger.web.security;

import io.tokenledger.web.TokenLedgerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains: {@code /api/**} for scripts and machines (HTTP Basic for people's accounts, {@code Bearer} ingest keys
 * that may only post usage; stateless, so a browser session cookie never authorizes an API call and CSRF cannot
 * reach it) and everything else for people (form login, optionally OIDC, CSRF, security headers).
 * Only {@code /login}, static assets and {@code /actuator/health} are public.
 *
 * <p>Who may read what is decided here by URL and, for tenant data, by {@link ViewerScopes} in the queries.
 * {@link Role#TENANT_VIEWER}s reach only the URLs listed in {@link #VIEWER_API} and {@link #VIEWER_PAGES}
 * (fail closed: an endpoint added later is for admins and finance until someone decides otherwise); everything
 * they reach there is limited to their tenants.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** API reads a tenant viewer may make; each answers only about the viewer's tenants. */
    static final String[] VIEWER_API = {
        "/api/v1/ledger",
        "/api/v1/tenants",
        "/api/v1/tenants/*",
        "/api/v1/tenants/*/budget",
        "/api/v1/tenants/*/usage-events",
        "/api/v1/budgets",
        "/api/v1/alerts",
        "/api/v1/periods/*/adjustments",
        "/api/v1/reports/chargeback.xlsx",
        "/api/v1/reports/chargeback.html",
        "/api/v1/rate-cards",
        "/api/v1/openapi",
        "/api/v1/openapi.yaml",
        "/api/v1/openapi/**"
    };

    /** API reads for admins only: who may sign in, and the machines' keys. */
    static final String[] ADMIN_API = {
        "/api/v1/users", "/api/v1/users/**", "/api/v1/ingest-keys", "/api/v1/ingest-keys/**"
    };

    /** Pages a tenant viewer may open; each shows only the viewer's tenants. */
    static final String[] VIEWER_PAGES = {
        "/",
        "/tenants",
        "/tenants/*",
        "/tenants/*/events",
        "/tenants/*/users",
        "/reports/chargeback.xlsx",
        "/reports/chargeback.html",
        "/reports/statement.css",
        "/rate-cards"
    };

    static final String[] ADMIN_PAGES = {"/users", "/users/**"};

    /** Every API answer may hold only inline styles: no script, no other resource, no frame, no form. */
    static final String API_CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationHandlers problems, IngestKeys ingestKeys) {
        String admin = Role.ADMIN.name();
        String finance = Role.FINANCE.name();
        String viewer = Role.TENANT_VIEWER.name();
        http.securityMatcher("/api/**")
                .addFilterBefore(new IngestKeyAuthenticationFilter(ingestKeys), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/usage-events")
                        .hasAnyRole(admin, IngestKeyAuthenticationFilter.ROLE)
                        .requestMatchers(HttpMethod.GET, ADMIN_API)
                        .hasRole(admin)
                        .requestMatchers(HttpMethod.GET, VIEWER_API)
                        .hasAnyRole(admin, finance, viewer)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(admin, finance)
                        .anyRequest()
                        .hasRole(admin))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // the API's only HTML, the chargeback statement, styles itself inline and runs nothing
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_POLICY)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, TokenLedgerProperties properties, LocalUsers users) {
        String admin = Role.ADMIN.name();
        String finance = Role.FINANCE.name();
        String viewer = Role.TENANT_VIEWER.name();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/health")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ADMIN_PAGES)
                        .hasRole(admin)
                        .requestMatchers(HttpMethod.GET, VIEWER_PAGES)
                        .hasAnyRole(admin, finance, viewer)
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasAnyRole(admin, finance)
                        .requestMatchers(HttpMethod.POST, "/logout")
                        .authenticated()
                        // every other form changes configuration: administrators only
                        .anyRequest()
                        .hasRole(admin))
                .addFilterAfter(new SessionRecheckFilter(users), SecurityContextHolderFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LoginThrottledException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> {})
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
                                        + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        TokenLedgerProperties.Oidc oidc = properties.security().oidc();
        if (oidc.enabled()) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(new OidcClientRegistrations(oidc))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcClaimsMapping(oidc)))
                    .defaultSuccessUrl("/", false)
                    .failureHandler((request, response, failure) ->
                            response.sendRedirect(request.getContextPath() + "/login?denied")));
        }
        return http.build();
    }
}
