package com.acme.shop.chaos.system;

/** The applications of the system under test, in start order. */
public enum Service {
    SANDBOX("toss-sandbox", "sandbox"),
    ORDER("order-service", "order_service"),
    SETTLEMENT("settlement-service", "settlement_service"),
    PAYMENT("payment-service", "payment_service"),
    ADMIN("admin-service", "admin_service");

    private final String module;
    private final String schema;

    Service(String module, String schema) {
        this.module = module;
        this.schema = schema;
    }

    public String module() {
        return module;
    }

    public String schema() {
        return schema;
    }

    /** Ours (killed in the chaos run); the sandbox is Toss and keeps its ledger in memory, so it is never killed. */
    public boolean ours() {
        return this != SANDBOX;
    }
}
