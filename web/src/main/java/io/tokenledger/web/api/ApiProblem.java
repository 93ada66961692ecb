package io.tokenledger.web.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a detail a person can act on. */
class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    ApiProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, detail);
    }

    HttpStatus status() {
        return status;
    }
}
