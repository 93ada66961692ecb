package io.tokenledger.web.api;

import io.tokenledger.ingest.TenantRejectedException;
import io.tokenledger.reporting.alerts.ChannelRejectedException;
import io.tokenledger.reporting.budgets.BudgetRejectedException;
import io.tokenledger.reporting.periods.PeriodRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of tenants, mapping rules, budgets, alert channels and period closes as {@code application/problem+json}:
 * 422 for an invalid field (named in {@code field}), 404 for something that does not exist, 409 for a conflict.
 * Ordered before {@link ApiExceptionHandler}, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice(basePackageClasses = SetupProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SetupProblems {

    @ExceptionHandler(TenantRejectedException.class)
    ProblemDetail tenantRejected(TenantRejectedException rejected) {
        HttpStatus status = switch (rejected.reason()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return problem(status, rejected.getMessage(), rejected.field());
    }

    @ExceptionHandler(BudgetRejectedException.class)
    ProblemDetail budgetRejected(BudgetRejectedException rejected) {
        return problem(
                rejected.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT,
                rejected.getMessage(),
                rejected.field());
    }

    @ExceptionHandler(ChannelRejectedException.class)
    ProblemDetail channelRejected(ChannelRejectedException rejected) {
        return problem(
                rejected.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT,
                rejected.getMessage(),
                rejected.field());
    }

    @ExceptionHandler(PeriodRejectedException.class)
    ProblemDetail periodRejected(PeriodRejectedException rejected) {
        return problem(
                rejected.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                rejected.getMessage(),
                "period");
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null && !field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
