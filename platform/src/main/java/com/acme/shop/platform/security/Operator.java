package com.acme.shop.platform.security;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * The signed-in operator a service call acts for: admin-service names them in
 * {@value TokenAuthenticationFilter#OPERATOR_HEADER}, trusted only beside the service token. Actions that change
 * money or state record who asked for them, so they need a name.
 */
public final class Operator {

    private Operator() {
    }

    /** The operator of the current request, if a service named one. */
    public static Optional<String> current() {
        return SecurityContextHolder.getContext().getAuthentication()
                instanceof TokenAuthenticationFilter.MachineAuthentication machine
                ? Optional.ofNullable(machine.operator()) : Optional.empty();
    }

    /** The operator of the current request, or a 400 {@code OPERATOR_REQUIRED} problem. */
    public static String required() {
        return current().orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "OPERATOR_REQUIRED",
                "This action is recorded against the operator who asked for it: name them in "
                        + TokenAuthenticationFilter.OPERATOR_HEADER));
    }
}
