package com.acme.shop.settlement;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Settlement service: keeps the settlement ledger (gross, PG fee, VAT on the fee, net, payout date per Toss
 * transaction) from the payment events, and answers what the PG owes per payment and per day.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SettlementServiceApplication {

    /** Every launcher (main, the end-to-end test, the local runner) starts the service through this. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SettlementServiceApplication.class)
                .properties("spring.config.name=settlement-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
