package com.acme.shop.settlement.reconciliation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a Toss Settlement object (docs/toss-api.md, section 9 (settlements lookup)) that reconciliation
 * compares. {@code supplyAmount} is the supply value of the fee and {@code vat} the VAT on it; the older spec spells
 * it {@code suppliedAmount}, both are accepted. Cancel rows carry negative amounts, like the ledger's CANCEL entries.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TossSettlementRow(String paymentKey, String transactionKey, String orderId, String method, long amount,
                         Long supplyAmount, Long suppliedAmount, Long vat, Long payOutAmount, List<Fee> fees,
                         LocalDate soldDate, LocalDate paidOutDate) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fee(String type, long fee) {
    }

    long vatOrZero() {
        return vat == null ? 0 : vat;
    }

    /** The fee without VAT: {@code supplyAmount}, else {@code suppliedAmount}, else the fees' sum minus VAT. */
    long feeWithoutVat() {
        if (supplyAmount != null) {
            return supplyAmount;
        }
        if (suppliedAmount != null) {
            return suppliedAmount;
        }
        return (fees == null ? 0 : fees.stream().mapToLong(Fee::fee).sum()) - vatOrZero();
    }

    long payOut() {
        return payOutAmount != null ? payOutAmount : amount - feeWithoutVat() - vatOrZero();
    }
}
