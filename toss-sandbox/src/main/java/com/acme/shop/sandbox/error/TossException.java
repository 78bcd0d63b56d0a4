package com.acme.shop.sandbox.error;

/** An answer in Toss's error format: {@code {"code": ..., "message": ...}} with the code's HTTP status. */
public class TossException extends RuntimeException {

    private final TossErrorCode code;

    public TossException(TossErrorCode code) {
        this(code, code.message());
    }

    public TossException(TossErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TossErrorCode code() {
        return code;
    }

    public int status() {
        return code.status();
    }

    /**
     * The JSON body. Real 401 answers carry an extra {@code "data": null}; others have just code and message.
     */
    public Object body() {
        if (code == TossErrorCode.UNAUTHORIZED_KEY) {
            return new UnauthorizedBody(code.name(), getMessage(), null);
        }
        return new ErrorBody(code.name(), getMessage());
    }

    record ErrorBody(String code, String message) {
    }

    record UnauthorizedBody(String code, String message, Object data) {
    }

}
