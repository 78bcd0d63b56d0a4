package com.acme.shop.sandbox.faults;

import java.io.IOException;

import com.acme.shop.sandbox.api.ApiCall;
import com.acme.shop.sandbox.api.ApiFilterOrder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Picks the fault for a call (if any) and applies its network-level part. It sits outside idempotency: a dropped
 * answer was still produced and stored by "Toss", so a retry with the same key gets it.
 */
@Component
@Order(ApiFilterOrder.TRANSPORT)
class TransportFaultFilter extends OncePerRequestFilter {

    static final String FAULT_ATTRIBUTE = Fault.class.getName();

    private final FaultRegistry faults;

    private final ConnectionAborter aborter;

    private final Pauses pauses;

    TransportFaultFilter(FaultRegistry faults, ConnectionAborter aborter, Pauses pauses) {
        this.faults = faults;
        this.aborter = aborter;
        this.pauses = pauses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ApiCall.of(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCall call = ApiCall.of(request).orElseThrow();
        Fault fault = faults.take(call.endpoint(), call.orderId()).orElse(null);
        if (fault == null) {
            chain.doFilter(request, response);
            return;
        }
        call.faultApplied(fault.describe());
        request.setAttribute(FAULT_ATTRIBUTE, fault);
        switch (fault.mode()) {
            case NONE -> chain.doFilter(request, response);
            case CONNECTION_RESET -> {
                call.connectionAborted(0);
                aborter.abort(request);
            }
            case APPROVE_THEN_DROP -> {
                // Process normally into a buffer that is never sent.
                ContentCachingResponseWrapper unsent = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, unsent);
                call.connectionAborted(unsent.getStatus());
                pauses.pause(fault.dropHold());
                aborter.abort(request);
            }
        }
    }

}
