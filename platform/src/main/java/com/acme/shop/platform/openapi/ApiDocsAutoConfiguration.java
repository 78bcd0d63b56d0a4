package com.acme.shop.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The API description of every service (springdoc, {@code /v3/api-docs}; docs/api.md): title and summary, the shared
 * security schemes and problem schema, each operation's door and problems ({@link ProblemResponses}), and nothing
 * that differs between two runs (no server URL with a port, tags in name order), so the description checked in under
 * {@code contracts/} can be compared with what the running code describes. Who may read it is declared with the
 * other shared rules in {@code SecurityAutoConfiguration}; the defaults are in {@link ApiDocsEnvironment}.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocsAutoConfiguration {

    @Bean
    SchemaNames schemaNames() {
        return new SchemaNames();
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    GlobalOpenApiCustomizer shopApiDescription(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        String summary = environment.getProperty("shop.api.description", "");
        return openApi -> {
            openApi.setInfo(new Info().title(name).version("v1").description(summary));
            // relative to wherever the service is reached: no host or random port in the checked-in description
            openApi.setServers(new ArrayList<>(List.of(new Server().url("/")
                    .description("this service (" + name + ")"))));
            TreeSet<String> used = new TreeSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getSecurity() != null) {
                        operation.getSecurity().forEach(requirement -> used.addAll(requirement.keySet()));
                    }
                }));
            }
            Components components = Objects.requireNonNullElseGet(openApi.getComponents(), Components::new);
            ApiSecurity.addTo(components, used);
            openApi.setComponents(components);
            if (openApi.getTags() != null) {
                List<Tag> tags = new ArrayList<>(openApi.getTags());
                tags.sort(Comparator.comparing(Tag::getName));
                openApi.setTags(tags);
            }
        };
    }
}
