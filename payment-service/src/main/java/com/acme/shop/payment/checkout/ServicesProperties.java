package com.acme.shop.payment.checkout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/** Base URLs of the services payment-service calls (order-service for quotes, settlement for the progress view). */
@ConfigurationProperties("shop.services")
public record ServicesProperties(URI orderUrl, URI settlementUrl) {
}
