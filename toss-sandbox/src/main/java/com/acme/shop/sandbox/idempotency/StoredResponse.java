package com.acme.shop.sandbox.idempotency;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** An answer kept under an idempotency key, replayed byte for byte. */
record StoredResponse(int status, String contentType, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.getOutputStream().write(body);
    }

}
