package com.acme.shop.admin.operator;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.time.Clock;

/**
 * Reads an operator for sign-in: locked while a lockout lasts (by the {@link Clock}), disabled when disabled.
 * Deliberately not a bean: Spring Security would otherwise build a second, global sign-in from it that knows
 * nothing of the lockout count ({@link SignInConfiguration} wires the one sign-in there is).
 */
final class OperatorDetailsService implements UserDetailsService {

    private final Operators operators;
    private final Clock clock;

    OperatorDetailsService(Operators operators, Clock clock) {
        this.operators = operators;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String typed) {
        String username = Usernames.normalise(typed);
        if (username == null) {
            throw new UsernameNotFoundException("not a username");
        }
        Operator operator = operators.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such operator"));
        return new OperatorUser(operator.username(), operator.passwordHash(), operator.displayName(), operator.roles(),
                operator.enabled(), operator.isLockedAt(clock.instant()));
    }
}
