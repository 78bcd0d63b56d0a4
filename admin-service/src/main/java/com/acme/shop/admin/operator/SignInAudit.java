package com.acme.shop.admin.operator;

import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditOutcome;
import com.acme.shop.admin.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Every sign-in with a password, succeeded or refused, in the audit log. A refusal records what was typed as the
 * username (cut to 64 characters) and one code for every reason, as the sign-in page does not tell them apart either;
 * why it was refused (wrong password, locked, disabled) stays between the log and the lockout count.
 */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            audit.recordAs(signedIn.getName(), AuditAction.SIGN_IN, signedIn.getName(), AuditOutcome.SUCCEEDED, null,
                    null, null, null);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String typed = String.valueOf(event.getAuthentication().getName());
        audit.recordAs(typed, AuditAction.SIGN_IN, typed, AuditOutcome.REFUSED, "SIGN_IN_REFUSED", null,
                null, null);
    }
}
