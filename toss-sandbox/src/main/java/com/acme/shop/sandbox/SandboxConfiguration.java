package com.acme.shop.sandbox;

import java.time.Clock;

import com.acme.shop.sandbox.api.TossTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {

    /** All "now"s come from here, so tests can move time (e.g. past the 10-minute confirm window). */
    @Bean
    Clock sandboxClock() {
        return Clock.system(TossTime.ZONE);
    }

}
