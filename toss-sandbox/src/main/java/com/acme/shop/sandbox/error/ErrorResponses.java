package com.acme.shop.sandbox.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Writes Toss error answers from servlet filters, which run outside Spring MVC's exception handling. */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, TossException error) throws IOException {
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(error.body()));
    }

}
