package com.acme.shop.platform.security;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;

/**
 * How one service calls another: an interceptor for {@code RestClient.Builder#requestInterceptor} that presents the
 * service token and, when the call is made for a person, names that person in {@value TokenAuthenticationFilter#OPERATOR_HEADER}
 * (the operator signed in to admin-service, or the operator a service call was itself made for), so the service
 * that acts can write it into its audit.
 */
public class ServiceCalls implements ClientHttpRequestInterceptor {

    private final Credentials credentials;

    public ServiceCalls(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().setBearerAuth(credentials.serviceToken());
        String operator = currentOperator();
        if (operator != null) {
            request.getHeaders().set(TokenAuthenticationFilter.OPERATOR_HEADER, operator);
        }
        return execution.execute(request, body);
    }

    /** The person the current request acts for, or null for the system itself (a job, a listener, a customer). */
    public static String currentOperator() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TokenAuthenticationFilter.MachineAuthentication machine) {
            return machine.operator();
        }
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("ROLE_")
                && !a.getAuthority().equals("ROLE_ANONYMOUS"))) {
            return authentication.getName();
        }
        return null;
    }
}
