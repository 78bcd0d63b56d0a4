package com.acme.shop.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The security schemes and the problem schema every service's API description shares (docs/security.md). */
public final class ApiSecurity {

    public static final String SERVICE_TOKEN = "serviceToken";
    public static final String SCRAPE_TOKEN = "scrapeToken";
    public static final String CHECKOUT_TOKEN = "checkoutToken";
    public static final String OPERATOR = "operator";
    public static final String SESSION = "consoleSession";
    public static final String CSRF = "csrfToken";

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_SCHEMA_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    /** Headers that carry a credential: described as security schemes, never as an operation's parameters. */
    static final Set<String> CREDENTIAL_HEADERS = Set.of("Authorization", "X-Checkout-Token", "X-Operator", "X-CSRF-TOKEN");

    private ApiSecurity() {
    }

    /** Every scheme, by name; a description carries those its operations use, and the scrape token's. */
    static Map<String, SecurityScheme> schemes() {
        return Map.of(
                SERVICE_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The service token (`SHOP_SERVICE_TOKEN`), the one credential our services "
                                + "present to each other: `Authorization: Bearer <token>`. Operators reach these "
                                + "operations through admin-service, which signs them in and calls with it."),
                SCRAPE_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("The scrape token (`SHOP_SCRAPE_TOKEN`) of the metrics scraper: "
                                + "`Authorization: Bearer <token>` opens `/actuator/**` (not described here) and "
                                + "nothing else; presented to an operation below it gets 403 `ACCESS_DENIED`."),
                CHECKOUT_TOKEN, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-Checkout-Token")
                        .description("The checkout's token, answered once by `POST /api/v1/payments/checkout` "
                                + "(`checkoutToken`): only the customer who checked out holds it. Without it a "
                                + "checkout answers as one that does not exist (404 `PAYMENT_NOT_FOUND`)."),
                OPERATOR, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-Operator")
                        .description("The operator a service call acts for (`[A-Za-z0-9._@-]{1,64}`), recorded with "
                                + "the action. Trusted only together with the service token; without it the "
                                + "action is refused with 400 `OPERATOR_REQUIRED`."),
                SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                        .name("JSESSIONID")
                        .description("A person's console session: sign in with the form at `/login` (roles VIEWER, "
                                + "OPERATOR, FINANCE, ADMIN)."),
                CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-CSRF-TOKEN")
                        .description("The session's CSRF token, from the console page's `<meta name=\"_csrf\">`; "
                                + "required on every state-changing request made with a session."));
    }

    /** RFC 9457 problem details as every service answers them, with the stable {@code code} clients branch on. */
    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An error as RFC 9457 problem details (`application/problem+json`). Clients branch on "
                        + "`code`, which is stable; `detail` is for people. Some problems add members of their own "
                        + "(e.g. `paymentStatus`).")
                .addProperty("type", new StringSchema().description("`about:blank`"))
                .addProperty("title", new StringSchema().description("the HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong, for a person"))
                .addProperty("instance", new StringSchema().description("the request's path"))
                .addProperty("code", new StringSchema().description("stable machine-readable code"))
                .addProperty("errors", new ArraySchema()
                        .description("with VALIDATION_FAILED: each parameter or field that broke its constraints")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema())
                                .addProperty("message", new StringSchema())))
                .required(List.of("status", "code"));
    }

    static void addTo(Components components, Set<String> used) {
        Map<String, SecurityScheme> all = schemes();
        components.addSecuritySchemes(SCRAPE_TOKEN, all.get(SCRAPE_TOKEN));
        used.forEach(name -> components.addSecuritySchemes(name, all.get(name)));
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
    }
}
