package com.acme.shop.payment;

import com.acme.shop.payment.gateway.RefundAccount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A bank account to refund a deposited virtual account to, as a customer or an operator types it, within the PG's
 * limits: a bank code, up to 20 digits, a holder's name of up to 60 letters (docs/toss-api.md, section 5).
 */
public record RefundAccountForm(@NotBlank @Pattern(regexp = "[0-9A-Z]{2,3}") String bankCode,
                                @NotBlank @Pattern(regexp = "[0-9]{1,20}") String accountNumber,
                                @NotBlank @Pattern(regexp = "[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]{0,59}") String holderName) {

    public RefundAccount toAccount() {
        return new RefundAccount(bankCode, accountNumber, holderName);
    }
}
