package com.acme.shop.payment.checkout;

/**
 * The catalog (order-service) could not price a checkout: it refused the items ({@link Refused}, with its own stable
 * code such as PRODUCT_NOT_FOUND or OUT_OF_STOCK), or it could not be asked ({@link Unavailable}).
 */
public abstract sealed class CatalogException extends RuntimeException {

    CatalogException(String message) {
        super(message);
    }

    /** order-service answered with a refusal; {@code status} is its HTTP status, which says what kind of refusal. */
    public static final class Refused extends CatalogException {

        private final int status;
        private final String code;

        Refused(int status, String code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** order-service is down, slow, or answered something we cannot use. */
    public static final class Unavailable extends CatalogException {

        Unavailable(String why) {
            super("The product catalog is not reachable right now; please try again (" + why + ")");
        }
    }
}
