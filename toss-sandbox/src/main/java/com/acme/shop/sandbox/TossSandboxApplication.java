package com.acme.shop.sandbox;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A local imitation of the Toss Payments core API ({@code /v1/payments/...}) plus a fake payment window,
 * so payment services can be developed and tested without reaching Toss.
 *
 * <p>The application must be embeddable: an end-to-end test starts it with {@code new SpringApplicationBuilder(
 * TossSandboxApplication.class)} in the same JVM as the other services. Therefore it ships no
 * {@code application.yml} (only one {@code classpath:application.yml} wins on a shared classpath), keeps all its
 * settings under {@code sandbox.*} with defaults in {@link SandboxProperties}, holds no static mutable state, and
 * switches off the data and messaging auto-configurations that the other services put on a shared classpath.
 */
@SpringBootApplication(excludeName = {
        // Present only when embedded next to the other services; the sandbox keeps everything in memory.
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        // The services' shared plumbing (problem details, outbox, their security) is not the sandbox's: it imitates
        // Toss, which has its own Basic auth (sandbox.auth).
        "com.acme.shop.platform.PlatformAutoConfiguration",
        "com.acme.shop.platform.security.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConfigurationPropertiesScan
public class TossSandboxApplication {

    /** Defaults for a standalone run ({@code java -jar toss-sandbox-*-exec.jar}); environment and arguments win. */
    static final Map<String, Object> STANDALONE_DEFAULTS = Map.of(
            "server.port", "${SANDBOX_PORT:8090}",
            "spring.application.name", "toss-sandbox");

    public static void main(String[] args) {
        new SpringApplicationBuilder(TossSandboxApplication.class).properties(STANDALONE_DEFAULTS).run(args);
    }

}
