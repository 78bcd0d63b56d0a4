package com.acme.shop.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataUnit;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;

/**
 * The machine credentials a service accepts and the limits of its doors (docs/security.md).
 *
 * @param serviceToken   what a service presents to another one ({@code Authorization: Bearer ...}), env
 *                       {@code SHOP_SERVICE_TOKEN}; at least 32 characters outside the local profile
 * @param scrapeToken    what the metrics scraper presents for {@code /actuator/prometheus} and the metrics, env
 *                       {@code SHOP_SCRAPE_TOKEN}; empty turns scraping off
 * @param maxRequestBody bodies larger than this are refused with 413 before anything reads them
 */
@ConfigurationProperties("shop.security")
public record SecurityProperties(String serviceToken,
                                 String scrapeToken,
                                 @DefaultValue("64KB") @DataSizeUnit(DataUnit.BYTES) DataSize maxRequestBody) {
}
