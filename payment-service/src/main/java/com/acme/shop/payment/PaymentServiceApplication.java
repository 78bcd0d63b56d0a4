package com.acme.shop.payment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PaymentServiceApplication {

    /** The app with its own config file name, so it can share a JVM with the other services (e2e test). */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PaymentServiceApplication.class)
                .properties("spring.config.name=payment-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
