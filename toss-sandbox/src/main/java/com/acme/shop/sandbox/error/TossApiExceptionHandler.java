package com.acme.shop.sandbox.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become Toss-shaped JSON errors, for the API and the sandbox's own JSON endpoints.
 * Bad bodies are {@code 400 INVALID_REQUEST}, as at Toss.
 */
@RestControllerAdvice
class TossApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(TossApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<Object> toss(TossException error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
    }

    @ExceptionHandler
    ResponseEntity<Object> unreadableBody(HttpMessageNotReadableException error) {
        return toss(new TossException(TossErrorCode.INVALID_REQUEST, "요청 본문을 읽을 수 없습니다. JSON 형식을 확인해주세요."));
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidBody(MethodArgumentNotValidException error) {
        FieldError field = error.getBindingResult().getFieldError();
        String message = field == null ? TossErrorCode.INVALID_REQUEST.message()
                : "잘못된 요청입니다. (" + field.getField() + ": " + field.getDefaultMessage() + ")";
        return toss(new TossException(TossErrorCode.INVALID_REQUEST, message));
    }

    @ExceptionHandler({ HttpMediaTypeNotSupportedException.class, MethodArgumentTypeMismatchException.class,
            ServletRequestBindingException.class })
    ResponseEntity<Object> badRequest(Exception error) {
        return toss(new TossException(TossErrorCode.INVALID_REQUEST));
    }

    @ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class })
    ResponseEntity<Object> notFound(Exception error) {
        return toss(new TossException(TossErrorCode.NOT_FOUND));
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception error) {
        log.error("Unexpected sandbox failure", error);
        return toss(new TossException(TossErrorCode.UNKNOWN_ERROR));
    }

}
