package com.acme.shop.settlement;

import com.acme.shop.platform.web.ApiException;
import com.acme.shop.platform.web.ProblemCodes;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query string that is not UTF-8 ({@code ?from=%FF%FE}) makes Tomcat throw when the parameter is first read,
 * in the middle of argument binding; the platform's advice would answer that 500. It is the caller's mistake: 400
 * {@code MALFORMED_REQUEST}. Ahead of the platform's advice; belongs in the platform's ProblemDetailsAdvice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UndecodableParameters {

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
        return ApiException.badRequest(ProblemCodes.MALFORMED_REQUEST,
                "A query parameter could not be decoded; parameters must be UTF-8, percent-encoded").toResponse();
    }
}
