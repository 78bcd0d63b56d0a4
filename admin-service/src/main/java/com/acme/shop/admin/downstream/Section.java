package com.acme.shop.admin.downstream;

import com.acme.shop.platform.web.ApiException;

import java.util.function.Supplier;

/**
 * One part of a page that asks another service: its value, or why there is none. A page made of several parts stays
 * up when one service does not answer; that part says so in Korean.
 */
public record Section<T>(T value, String error) {

    public static <T> Section<T> of(Supplier<T> supplier) {
        try {
            return new Section<>(supplier.get(), null);
        } catch (ApiException e) {
            return new Section<>(null, e.getMessage() + " [" + e.code() + "]");
        }
    }

    public boolean ok() {
        return error == null;
    }
}
