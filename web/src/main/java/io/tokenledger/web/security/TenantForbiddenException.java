package io.tokenledger.web.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A request for a tenant outside the caller's scope: 403, as {@code application/problem+json} on the API
 * ({@link TenantForbiddenAdvice}) and as the error page otherwise. The message is the same whether the tenant exists
 * or not.
 */
public class TenantForbiddenException extends AccessDeniedException {

    TenantForbiddenException(String tenantKey) {
        super("You may not see tenant '" + tenantKey + "'; ask an admin to assign it to you.");
    }
}
