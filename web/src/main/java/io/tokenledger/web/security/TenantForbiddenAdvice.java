package io.tokenledger.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@link TenantForbiddenException} on the API as a 403 {@code application/problem+json}; on pages it is left to
 * Spring Security's access-denied handling (the 403 error page). Ordered before the API's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenantForbiddenAdvice {

    @ExceptionHandler(TenantForbiddenException.class)
    ProblemDetail forbidden(TenantForbiddenException forbidden, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw forbidden;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, forbidden.getMessage());
    }
}
