package com.acme.shop.platform.openapi;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import java.util.Map;

/**
 * springdoc's settings for every service, as defaults a service's own configuration may override (they come last):
 * OpenAPI 3.0 with keys in order (the checked-in description must not change between two runs), only the REST API
 * ({@code /api/**} and {@code /internal/**}: not the storefront's or the console's pages), no generic responses
 * guessed from exception handlers ({@link ProblemResponses} states the problems), and nothing served in the
 * {@code production} profile, where the description is the one under {@code contracts/}.
 */
public class ApiDocsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "shop-api-docs-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = environment.acceptsProfiles(Profiles.of("production"));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "springdoc.api-docs.version", "openapi_3_0",
                "springdoc.writer-with-order-by-keys", "true",
                "springdoc.writer-with-default-pretty-printer", "true",
                "springdoc.override-with-generic-response", "false",
                "springdoc.default-produces-media-type", "application/json",
                "springdoc.paths-to-match", "/api/**,/internal/**",
                "springdoc.api-docs.enabled", String.valueOf(!production),
                "springdoc.swagger-ui.enabled", String.valueOf(!production))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
