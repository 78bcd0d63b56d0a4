package com.acme.shop.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * A failure the API reports to its caller as an RFC 9457 problem with a stable {@code code}. Services
 * subclass it per failure (e.g. {@code AmountMismatchException}) or throw it directly for one-off cases.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(HttpStatus status, String code, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members for the problem body (e.g. the current payment status). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The problem body every service answers with: status, detail, the stable {@code code} and the extra members. */
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** The whole answer, for a service's own exception handler that maps a domain exception to this problem. */
    public ResponseEntity<ProblemDetail> toResponse() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(toProblem());
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }
}
