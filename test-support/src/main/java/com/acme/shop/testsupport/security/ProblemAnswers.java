package com.acme.shop.testsupport.security;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What every refusal of a service must look like (docs/service-conventions.md): an RFC 9457 problem,
 * {@code application/problem+json}, with a stable {@code code} clients branch on, its {@code status} the HTTP status,
 * and nothing of the implementation (no stack trace, no exception names).
 */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    /** Why {@code response} is not a proper problem answer; empty when it is one. */
    public static List<String> violations(RawHttp.Response response) {
        List<String> wrong = new ArrayList<>();
        if (!response.isProblem()) {
            wrong.add("Content-Type is '" + response.contentType() + "', not application/problem+json");
        }
        JsonNode body = response.json();
        if (body == null || !body.isObject()) {
            wrong.add("the body is not a JSON object");
            return wrong;
        }
        JsonNode code = body.get("code");
        if (code == null || !code.isString() || code.asString().isBlank()) {
            wrong.add("the problem has no 'code'");
        }
        JsonNode status = body.get("status");
        if (status != null && status.asInt() != response.status()) {
            wrong.add("the problem's status " + status + " is not the HTTP status " + response.status());
        }
        if (body.has("trace") || response.body().contains("Exception") || response.body().contains("\tat ")) {
            wrong.add("the problem shows implementation details");
        }
        return wrong;
    }
}
