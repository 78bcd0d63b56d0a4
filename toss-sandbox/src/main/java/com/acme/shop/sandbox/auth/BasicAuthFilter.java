package com.acme.shop.sandbox.auth;

import java.io.IOException;
import java.util.Set;

import com.acme.shop.sandbox.SandboxProperties;
import com.acme.shop.sandbox.api.ApiCall;
import com.acme.shop.sandbox.api.ApiFilterOrder;
import com.acme.shop.sandbox.error.ErrorResponses;
import com.acme.shop.sandbox.error.TossErrorCode;
import com.acme.shop.sandbox.error.TossException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every {@code /v1} call needs one of the configured secret keys; the sandbox's own endpoints need none. */
@Component
@Order(ApiFilterOrder.AUTH)
class BasicAuthFilter extends OncePerRequestFilter {

    private final Set<String> secretKeys;

    private final ErrorResponses errors;

    BasicAuthFilter(SandboxProperties properties, ErrorResponses errors) {
        this.secretKeys = Set.copyOf(properties.secretKeys());
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiCall.of(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCall call = ApiCall.of(request).orElseThrow();
        try {
            String secretKey = BasicCredentials.secretKeyFrom(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (!secretKeys.contains(secretKey)) {
                throw new TossException(TossErrorCode.UNAUTHORIZED_KEY);
            }
            call.authenticatedAs(secretKey);
        }
        catch (TossException rejected) {
            errors.write(response, rejected);
            return;
        }
        chain.doFilter(request, response);
    }

}
