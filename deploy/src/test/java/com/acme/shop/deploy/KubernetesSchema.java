package com.acme.shop.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates a Kubernetes object (as parsed from YAML) against the API of the Kubernetes release this project targets.
 *
 * <p>The validator is Kubernetes' own Java client (io.kubernetes:client-java-api, Maven Central), whose models and API
 * classes are generated from the OpenAPI description that Kubernetes publishes for each release (24.x: Kubernetes
 * 1.32). Reading an object through its model refuses a field the schema does not define, a missing required field and a
 * value of the wrong type; the API classes say which group/version serves which kind, so an apiVersion removed before
 * 1.32 (policy/v1beta1 PodDisruptionBudget, ...) is refused too. Not checked: string formats and enums, which the
 * generated models do not encode (the API server would still refuse, say, an invalid name).
 */
final class KubernetesSchema {

    static final String KUBERNETES_VERSION = "1.32";
    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final String APIS = "io.kubernetes.client.openapi.apis.";
    private static final Gson GSON = new Gson();

    private KubernetesSchema() {
    }

    /** Problems with this object; empty when Kubernetes {@value KUBERNETES_VERSION} would accept its shape. */
    static List<String> violations(Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        Object apiVersion = object.get("apiVersion");
        Object kind = object.get("kind");
        if (!(apiVersion instanceof String version) || !(kind instanceof String kindName)) {
            return List.of("apiVersion and kind are required: " + object.keySet());
        }
        String name = String.valueOf(object.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null);
        String what = kindName + " " + name + " (" + version + ")";
        String group = version.contains("/") ? version.substring(0, version.indexOf('/')) : "core";
        String groupVersion = version.contains("/") ? version.substring(version.indexOf('/') + 1) : version;
        if (!served(group, groupVersion, kindName)) {
            problems.add(what + ": Kubernetes " + KUBERNETES_VERSION + " serves no " + kindName + " in " + version);
            return problems;
        }
        Class<?> model;
        try {
            model = Class.forName(MODELS + capitalize(groupVersion) + kindName);
        } catch (ClassNotFoundException e) {
            problems.add(what + ": no such kind in the Kubernetes " + KUBERNETES_VERSION + " API");
            return problems;
        }
        try {
            Method fromJson = model.getMethod("fromJson", String.class);
            fromJson.invoke(null, GSON.toJson(object));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof JsonParseException
                    || cause instanceof IllegalStateException || cause instanceof NumberFormatException) {
                problems.add(what + ": " + firstLine(cause.getMessage()));
            } else {
                throw new IllegalStateException(what, cause);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(what, e);
        }
        return problems;
    }

    /**
     * Whether group/version serves the kind: the generated API class of that group and version (CoreV1Api, AppsV1Api,
     * PolicyV1Api, ...) has a create method for it.
     */
    private static boolean served(String group, String version, String kind) {
        String groupName = Arrays.stream(group.replace(".k8s.io", "").split("\\."))
                .map(KubernetesSchema::capitalize).reduce("", String::concat);
        try {
            Class<?> api = Class.forName(APIS + groupName + capitalize(version) + "Api");
            return Arrays.stream(api.getMethods()).map(Method::getName)
                    .anyMatch(m -> m.equals("createNamespaced" + kind) || m.equals("create" + kind));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int end = message.indexOf(" JSON:");
        String head = end > 0 ? message.substring(0, end) : message;
        return head.length() > 300 ? head.substring(0, 300) + "..." : head;
    }
}
