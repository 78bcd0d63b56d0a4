package com.acme.shop.platform.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives every described operation its door and its problem responses, so that a client sees every 4xx it can get and
 * the stable {@code code}s to branch on: those of its {@link Door} (401 {@code AUTHENTICATION_REQUIRED}, 403
 * {@code ACCESS_DENIED}, 400 {@code OPERATOR_REQUIRED}), of its inputs (400 {@code VALIDATION_FAILED} and
 * {@code MALFORMED_REQUEST}, 413 {@code PAYLOAD_TOO_LARGE}, 415), and its own {@link ApiProblem}s. An operation without
 * a door is refused at start-up of the description: every endpoint has an owner and a door.
 */
public class ProblemResponses implements GlobalOperationCustomizer {

    static final String PROBLEM_MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        Door door = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), Door.class);
        if (door == null) {
            door = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), Door.class);
        }
        if (door == null) {
            throw new IllegalStateException(handlerMethod.getShortLogMessage() + " has no @Door: say who may call it");
        }
        Map<Integer, List<Problem>> problems = new TreeMap<>();
        doorOf(door.value(), operation, problems);
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(ProblemResponses::canBeInvalid);
        if (hasBody) {
            add(problems, 400, "the body is not JSON of the expected shape (unknown or mistyped fields, trailing text)",
                    "MALFORMED_REQUEST");
            add(problems, 413, "the body is larger than the service accepts (64 KB)", "PAYLOAD_TOO_LARGE");
            add(problems, 415, "the body is not sent as the content type the operation consumes", "UNSUPPORTED_MEDIA_TYPE");
        }
        if (hasBody || hasParameters) {
            add(problems, 400, "a parameter or field breaks its constraints; `errors` names each one", "VALIDATION_FAILED");
        }
        for (ApiProblem problem : AnnotatedElementUtils.findMergedRepeatableAnnotations(handlerMethod.getMethod(),
                ApiProblem.class)) {
            add(problems, problem.status(), problem.when(), problem.codes());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, list) -> responses.addApiResponse(String.valueOf(status), response(list)));
        operation.setResponses(responses);
        return operation;
    }

    /** The security requirement of the door (alternatives are separate requirements), and what refusing costs. */
    private static void doorOf(Caller caller, Operation operation, Map<Integer, List<Problem>> problems) {
        List<SecurityRequirement> security = switch (caller) {
            case ANYONE -> List.of();
            case CHECKOUT_HOLDER -> List.of(requirement(ApiSecurity.CHECKOUT_TOKEN));
            case CHECKOUT_HOLDER_OR_SERVICE -> List.of(requirement(ApiSecurity.CHECKOUT_TOKEN),
                    requirement(ApiSecurity.SERVICE_TOKEN));
            case SERVICE -> List.of(requirement(ApiSecurity.SERVICE_TOKEN));
            case SERVICE_FOR_OPERATOR -> List.of(requirement(ApiSecurity.SERVICE_TOKEN, ApiSecurity.OPERATOR));
            case PERSON_OR_SERVICE -> List.of(requirement(ApiSecurity.SESSION), requirement(ApiSecurity.SERVICE_TOKEN));
            case PERSON_WITH_CSRF -> List.of(requirement(ApiSecurity.SESSION, ApiSecurity.CSRF));
        };
        // an empty list says "open" explicitly, instead of leaving it to a global default
        operation.setSecurity(new ArrayList<>(security));
        switch (caller) {
            case ANYONE, CHECKOUT_HOLDER, CHECKOUT_HOLDER_OR_SERVICE -> {
                // a checkout's door hides itself: without its token (or the service token) a checkout answers as one
                // that does not exist, whatever else came with the request; the operation states that 404 itself
            }
            case SERVICE, PERSON_OR_SERVICE, SERVICE_FOR_OPERATOR, PERSON_WITH_CSRF -> {
                add(problems, 401, "no credential, or one the service does not know", "AUTHENTICATION_REQUIRED");
                add(problems, 403, caller == Caller.PERSON_WITH_CSRF
                        ? "the signed-in role may not do this, or the CSRF token is missing or stale"
                        : "a credential that does not open this door (the scrape token)", "ACCESS_DENIED");
            }
        }
        if (caller == Caller.SERVICE_FOR_OPERATOR) {
            add(problems, 400, "the service token came without `X-Operator`, the operator the action is recorded against",
                    "OPERATOR_REQUIRED");
        }
        if (operation.getParameters() != null) {
            // the credentials are security schemes, not parameters of their own
            List<Parameter> parameters = operation.getParameters().stream()
                    .filter(p -> !ApiSecurity.CREDENTIAL_HEADERS.contains(p.getName())).toList();
            operation.setParameters(parameters.isEmpty() ? null : new ArrayList<>(parameters));
        }
    }

    /**
     * Whether a value of the parameter can be refused as invalid (400): a query or header parameter always can (missing,
     * mistyped, out of range); a path variable only when it is not a plain string, or has constraints. A plain string
     * id that names nothing is a 404, which the operation states itself.
     */
    private static boolean canBeInvalid(Parameter parameter) {
        if (!"path".equals(parameter.getIn())) {
            return true;
        }
        Schema<?> schema = parameter.getSchema();
        return schema == null || !"string".equals(schema.getType()) || schema.getPattern() != null
                || schema.getMinLength() != null || schema.getMaxLength() != null || schema.getMinimum() != null
                || schema.getMaximum() != null || schema.getEnum() != null;
    }

    private static SecurityRequirement requirement(String... schemes) {
        SecurityRequirement requirement = new SecurityRequirement();
        for (String scheme : schemes) {
            requirement.addList(scheme);
        }
        return requirement;
    }

    private record Problem(String when, List<String> codes) {
    }

    private static void add(Map<Integer, List<Problem>> problems, int status, String when, String... codes) {
        problems.computeIfAbsent(status, s -> new ArrayList<>()).add(new Problem(when, List.of(codes)));
    }

    /** One response per status: every code it may carry as the enum of {@code code}, and when each one comes. */
    private static ApiResponse response(List<Problem> problems) {
        Map<String, String> whenByCode = new LinkedHashMap<>();
        for (Problem problem : problems) {
            for (String code : problem.codes()) {
                whenByCode.merge(code, problem.when(), (a, b) -> a.equals(b) ? a : a + "; " + b);
            }
        }
        TreeSet<String> codes = new TreeSet<>(whenByCode.keySet());
        StringBuilder description = new StringBuilder("Problem (RFC 9457) with one of these codes:");
        codes.forEach(code -> description.append("\n- `").append(code).append("`: ").append(whenByCode.get(code)));
        StringSchema code = new StringSchema();
        codes.forEach(code::addEnumItem);
        Schema<?> schema = new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref(ApiSecurity.PROBLEM_SCHEMA_REF))
                .addAllOfItem(new ObjectSchema().addProperty("code", code));
        return new ApiResponse().description(description.toString())
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE, new MediaType().schema(schema)));
    }
}
