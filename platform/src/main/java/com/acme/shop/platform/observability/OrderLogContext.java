package com.acme.shop.platform.observability;

import org.slf4j.MDC;

import java.util.regex.Pattern;

/**
 * The {@code orderId} of the order a thread is working on, in the logging MDC, so that every log line written meanwhile
 * carries it (a field of the JSON line in production, a bracketed value in the local text pattern). Put it where the
 * work on one order starts (confirm, refund, webhook processing; consumers get it from the record key through
 * {@link OrderIdRecordInterceptor}) and close it where that work ends.
 */
public final class OrderLogContext {

    public static final String KEY = "orderId";
    /** Our orderIds' form (docs/saga.md); anything else a caller sent is not put into log lines. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private OrderLogContext() {
    }

    /**
     * Sets the order for the current thread until the returned handle is closed; the value in force before comes back
     * then (a confirm that triggers a refund of the same order does not lose it). A null orderId, or one not of our
     * form (it may come from a request: no line breaks or markup into the logs), changes nothing.
     */
    public static Scope of(String orderId) {
        String before = MDC.get(KEY);
        if (!isOrderId(orderId)) {
            return () -> {
            };
        }
        MDC.put(KEY, orderId);
        return () -> {
            if (before == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, before);
            }
        };
    }

    static boolean isOrderId(String value) {
        return value != null && ORDER_ID.matcher(value).matches();
    }

    /** An {@link AutoCloseable} that throws nothing. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
