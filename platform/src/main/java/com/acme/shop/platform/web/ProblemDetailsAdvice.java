package com.acme.shop.platform.web;

import com.acme.shop.platform.security.RequestSizeLimitFilter;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * One error mapper for every service: every error leaves as {@code application/problem+json} with a
 * stable {@code code} member that clients branch on, never a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException e, WebRequest request) {
        return handleExceptionInternal(e, e.toProblem(), new HttpHeaders(), e.status(), request);
    }

    @ExceptionHandler({ConstraintViolationException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Object> handleBadParameter(Exception e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request parameter");
        problem.setProperty("code", ProblemCodes.VALIDATION_FAILED);
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            problem.setDetail("Parameter '" + mismatch.getName() + "' has an invalid value");
            problem.setProperty("errors", List.of(Map.of("field", mismatch.getName(), "message", "has an invalid value")));
        } else if (e instanceof ConstraintViolationException violations) {
            problem.setProperty("errors", violations.getConstraintViolations().stream()
                    .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                    .toList());
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Two writers raced on one row (a JPA {@code @Version} or a compare-and-set lost): the caller may retry. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentUpdate(OptimisticLockingFailureException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment; read it again and retry");
        problem.setProperty("code", "CONCURRENT_UPDATE");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** A query parameter the container could not decode (not UTF-8): the request, not us. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableParameter(InvalidParameterException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "A request parameter is not valid UTF-8");
        problem.setProperty("code", ProblemCodes.MALFORMED_REQUEST);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
        log.error("Unhandled error on {}", request.getDescription(false), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error; the request may be retried");
        problem.setProperty("code", ProblemCodes.INTERNAL_ERROR);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Request body is invalid");
        problem.setProperty("code", ProblemCodes.VALIDATION_FAILED);
        problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Request is invalid");
        problem.setProperty("code", ProblemCodes.VALIDATION_FAILED);
        problem.setProperty("errors", e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", r.getMethodParameter().getParameterName() == null ? "?" : r.getMethodParameter().getParameterName(),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Required parameter '" + e.getParameterName() + "' is missing");
        problem.setProperty("code", ProblemCodes.VALIDATION_FAILED);
        problem.setProperty("errors", List.of(Map.of("field", e.getParameterName(), "message", "is required")));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body that cannot be read: not JSON, not of the expected shape (a strict reading, see StrictRequestBodies), or
     * larger than the limit while it was being read (413).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                problem.setProperty("code", ProblemCodes.PAYLOAD_TOO_LARGE);
                return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Request body is missing or is not valid JSON of the expected shape");
        problem.setProperty("code", ProblemCodes.MALFORMED_REQUEST);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives the problems Spring MVC creates itself (404, 405, 415, unreadable JSON, ...) a stable code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem) {
            Map<String, Object> existing = problem.getProperties() == null ? Map.of() : problem.getProperties();
            if (!existing.containsKey("code")) {
                problem.setProperty("code", codeFor(status));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemCodes.MALFORMED_REQUEST;
            case 404 -> ProblemCodes.NOT_FOUND;
            case 405 -> ProblemCodes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCodes.NOT_ACCEPTABLE;
            case 413 -> ProblemCodes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is5xxServerError() ? ProblemCodes.INTERNAL_ERROR : "HTTP_" + status.value();
        };
    }
}
