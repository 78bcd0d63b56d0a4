package com.acme.shop.payment.toss;

import com.acme.shop.payment.payment.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TossConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TossConfiguration.class);

    @Bean
    PaymentGateway tossPaymentGateway(RestClient.Builder builder, TossProperties properties, JsonMapper json,
                                      Environment environment) {
        TossKeyGuard.check(properties, environment);
        log.info("Toss API at {} with {} keys", properties.baseUrl(), properties.liveKey() ? "LIVE" : "test");
        return new TossPaymentGateway(new TossClient(builder, properties, json));
    }
}
