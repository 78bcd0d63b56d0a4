package com.acme.shop.order;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * order-service: the product catalog with its stock, checkout quotes for payment-service, and the orders
 * created (or refused) when a payment is approved.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

    /** The end-to-end test starts every application in one JVM through this builder. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OrderServiceApplication.class).properties("spring.config.name=order-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
