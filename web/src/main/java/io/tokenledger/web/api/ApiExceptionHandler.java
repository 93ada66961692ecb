package io.tokenledger.web.api;

import io.tokenledger.db.RejectedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API error as {@code application/problem+json} (RFC 9457). Spring MVC's own exceptions (404, 405, 415, a
 * missing parameter) are handled by the base class, also where no controller matched; a parameter that is not of
 * its type names it and says what it must be; an unreadable JSON body says where it went wrong; a
 * {@link RejectedException} from any module answers the status its reason stands for;
 * anything unexpected becomes a 500 whose detail does not leak internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadableDetail(ex));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        if (ex.getMostSpecificCause() instanceof JacksonException json) {
            String path = json.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            var location = json.getLocation();
            String where = location == null || location.getLineNr() < 0
                    ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            if (!path.isEmpty()) {
                return "The request body's field '" + path + "' has the wrong type or value" + where + ": "
                        + json.getOriginalMessage();
            }
            return "The request body is not valid JSON" + where + ": " + json.getOriginalMessage();
        }
        return "The request body is missing or cannot be read as JSON.";
    }

    /** A parameter or path variable that does not convert to its type: 400 naming it and what it must be. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, ParameterFormats.wrongValue(name, ex.getRequiredType(), ex.getValue()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem problem) {
        return ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    }

    /**
     * A refusal from any module: 422 for invalid input, 409 for a clash with what exists, 404 for something that does
     * not exist; {@code field} names the field at fault and {@code errors} lists the items at fault (an import's
     * lines) where there are such.
     */
    @ExceptionHandler(RejectedException.class)
    ProblemDetail rejected(RejectedException rejected, HttpServletRequest request) throws Exception {
        rethrowForPages(rejected, request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(rejected.reason()), rejected.getMessage());
        if (!rejected.field().isEmpty()) {
            problem.setProperty("field", rejected.field());
        }
        if (!rejected.errors().isEmpty()) {
            problem.setProperty("errors", rejected.errors());
        }
        return problem;
    }

    static HttpStatus status(RejectedException.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e, HttpServletRequest request) throws Exception {
        rethrowForPages(e, request);
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) throws Exception {
        rethrowForPages(e, request);
        log.error("Unexpected error in an API request", e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; the service log has the details. Nothing of this request was"
                        + " stored partially.");
    }

    /** A page's failure is left to the error page (templates/error.html) rather than answered as JSON. */
    private static void rethrowForPages(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
    }
}
