package com.acme.shop.admin.operator;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Username and password against the operator table, with the lockout: a wrong password is counted, a successful
 * sign-in resets the count.
 *
 * <p>The password is checked before the account's state, so a locked or disabled account costs the same BCrypt
 * round as any other and answers in the same time; and every refusal looks the same to the person signing in
 * ("wrong username or password, or the account is locked"), so nobody learns which accounts exist or are locked.
 */
final class SignInProvider implements AuthenticationProvider {

    /** BCrypt reads at most 72 bytes, and Spring's encoder refuses longer passwords with an exception. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final DaoAuthenticationProvider passwords;
    private final SignInAttempts attempts;

    SignInProvider(UserDetailsService operators, PasswordEncoder encoder, SignInAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(operators);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setPreAuthenticationChecks(user -> {
            // nothing before the password: see the class comment
        });
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Object credentials = authentication.getCredentials();
        if (credentials == null || credentials.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            attempts.failed(authentication.getName());
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            attempts.failed(authentication.getName());
            throw e;
        }
        attempts.succeeded(result.getName());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
