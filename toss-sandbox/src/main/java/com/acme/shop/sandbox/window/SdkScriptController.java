package com.acme.shop.sandbox.window;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * Serves a stand-in for Toss's v1 browser SDK ({@code https://js.tosspayments.com/v1/payment}) at {@code /v1/payment},
 * so a checkout page only swaps the script URL. The script needs the sandbox's own origin to send the browser to the
 * window; it is taken from the request, honouring {@code X-Forwarded-*}/{@code Forwarded} headers when the sandbox
 * sits behind a proxy.
 */
@RestController
class SdkScriptController {

    static final MediaType JAVASCRIPT = new MediaType("application", "javascript", StandardCharsets.UTF_8);

    private static final String ORIGIN_PLACEHOLDER = "\"__SANDBOX_ORIGIN__\"";

    private final String template;

    private final JsonMapper json;

    SdkScriptController(JsonMapper json) {
        this.json = json;
        this.template = read("toss-sandbox/payment-sdk.js");
    }

    @GetMapping("/v1/payment")
    ResponseEntity<String> script(HttpServletRequest request) {
        ServletServerHttpRequest http = new ServletServerHttpRequest(request);
        String origin = ForwardedHeaderUtils.adaptFromForwardedHeaders(http.getURI(), http.getHeaders())
            .replacePath(null)
            .replaceQuery(null)
            .fragment(null)
            .build()
            .toUriString();
        // Written as a JSON string literal, so no header value can break out of it.
        String script = template.replace(ORIGIN_PLACEHOLDER, json.writeValueAsString(origin));
        return ResponseEntity.ok().contentType(JAVASCRIPT).body(script);
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }

}
