package com.acme.shop.admin.operator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;

/**
 * The one way to sign in: {@link SignInProvider} over the operator table. It is the only {@link AuthenticationManager}
 * (no {@code UserDetailsService} bean, so Spring Security builds no second one beside it without the lockout), and
 * the platform's "no password logins" manager stands back because this one exists.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    /** For admin-service's security chain only (not a second time as a plain servlet filter). */
    @Bean
    OperatorSessions operatorSessions(OperatorManagement management) {
        return new OperatorSessions(management);
    }

    @Bean
    FilterRegistrationBean<OperatorSessions> operatorSessionsRegistration(OperatorSessions filter) {
        FilterRegistrationBean<OperatorSessions> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager operatorSignIn(Operators operators, Clock clock, PasswordEncoder passwordEncoder,
                                         SignInAttempts attempts, ObjectProvider<AuthenticationEventPublisher> events) {
        ProviderManager manager = new ProviderManager(
                new SignInProvider(new OperatorDetailsService(operators, clock), passwordEncoder, attempts));
        events.ifAvailable(manager::setAuthenticationEventPublisher);
        return manager;
    }
}
