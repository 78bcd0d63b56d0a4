package com.acme.shop.admin;

/** The orderId format every service issues (see the event schemas); path variables are checked against it. */
public final class OrderIds {

    public static final String PATTERN = "^[A-Za-z0-9_-]{6,64}$";

    private OrderIds() {
    }
}
