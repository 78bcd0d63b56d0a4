package com.acme.shop.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operator console: a saga timeline read model fed by {@code payment.events} and {@code order.events},
 * an order overview that asks the other services, and the console page at {@code /}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AdminServiceApplication {

    /** Sets {@code spring.config.name} so this app reads {@code admin-service.yml} even beside the other apps. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AdminServiceApplication.class).properties("spring.config.name=admin-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
