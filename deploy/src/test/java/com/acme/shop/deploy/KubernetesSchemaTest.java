package com.acme.shop.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator that KubernetesManifestsTest relies on does refuse broken objects. */
class KubernetesSchemaTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: payment-service
            spec:
              replicas: 3
              selector:
                matchLabels: {app: payment-service}
              template:
                metadata:
                  labels: {app: payment-service}
                spec:
                  containers:
                    - name: payment-service
                      image: shop/payment-service:1
                      ports: [{name: http, containerPort: 8081}]
                      readinessProbe:
                        httpGet: {path: /actuator/health/readiness, port: http}
                      resources:
                        requests: {cpu: 500m, memory: 1Gi}
            """;

    @Test
    void acceptsAValidObject() {
        assertThat(KubernetesSchema.violations(load(DEPLOYMENT))).isEmpty();
    }

    @Test
    void refusesAFieldTheSchemaDoesNotDefine() {
        String misspelt = DEPLOYMENT.replace("readinessProbe:", "readynessProbe:");

        assertThat(KubernetesSchema.violations(load(misspelt)))
                .singleElement().asString().contains("readynessProbe").contains("V1Container");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThat(KubernetesSchema.violations(load(DEPLOYMENT.replace("replicas: 3", "replicas: three"))))
                .singleElement().asString().contains("three");
        assertThat(KubernetesSchema.violations(load(DEPLOYMENT.replace("containerPort: 8081", "containerPort: http"))))
                .hasSize(1);
    }

    @Test
    void refusesAMissingRequiredField() {
        String nameless = DEPLOYMENT.replaceAll("- name: payment-service\\n\\s+image:", "- image:");

        assertThat(KubernetesSchema.violations(load(nameless)))
                .singleElement().asString().contains("required field `name`");
    }

    @Test
    void refusesAnApiVersionTheTargetReleaseNoLongerServes() {
        Map<String, Object> pdb = load("""
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: payment-service}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: payment-service}}
                """);

        assertThat(KubernetesSchema.violations(pdb)).singleElement().asString()
                .contains("serves no PodDisruptionBudget in policy/v1beta1");
        pdb.put("apiVersion", "policy/v1");
        assertThat(KubernetesSchema.violations(pdb)).isEmpty();
    }

    @Test
    void refusesAnUnknownKind() {
        assertThat(KubernetesSchema.violations(load("apiVersion: v1\nkind: Deploymnet\nmetadata: {name: x}\n")))
                .hasSize(1);
        assertThat(KubernetesSchema.violations(load("metadata: {name: x}\n"))).hasSize(1);
    }

    private static Map<String, Object> load(String yaml) {
        return new Yaml().load(yaml);
    }
}
