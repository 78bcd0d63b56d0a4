package com.acme.shop.admin.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done (or accepted by the owning service, e.g. a refund it will carry out). */
    SUCCEEDED("성공"),
    /** Refused: by admin-service's doors (role, CSRF), by its own checks, or by the owning service; see the code. */
    REFUSED("거절"),
    /** No answer: the owning service could not be reached or failed; whether anything happened is not known here. */
    FAILED("실패");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
