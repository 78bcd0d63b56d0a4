package com.acme.shop.admin.downstream;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The owning service refused (a 4xx problem): passed on to the operator with the same status and code, the service's
 * extra members (e.g. {@code cancelableAmount}), and a Korean detail ({@link ProblemMessages}).
 */
public final class DownstreamProblem extends ApiException {

    private final transient JsonNode problem;

    DownstreamProblem(String service, int status, JsonNode problem) {
        super(HttpStatus.valueOf(status), problem.path("code").asString(), ProblemMessages.korean(problem),
                properties(service, problem));
        this.problem = problem;
    }

    /** The problem as the service sent it. */
    public JsonNode problem() {
        return problem;
    }

    private static Map<String, Object> properties(String service, JsonNode problem) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : problem.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (Map.of("type", 1, "title", 1, "status", 1, "detail", 1, "instance", 1, "code", 1).containsKey(name)) {
                continue;
            }
            if (value.isNumber()) {
                properties.put(name, value.numberValue());
            } else if (value.isString() || value.isBoolean()) {
                properties.put(name, value.isString() ? value.asString() : value.asBoolean());
            }
        }
        properties.put("service", service);
        properties.put("serviceDetail", problem.path("detail").asString(""));
        return properties;
    }
}
