package com.acme.shop.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxSplitTest {

    @ParameterizedTest
    @CsvSource({ "1000, 909, 91", "15000, 13636, 1364", "10000, 9091, 909", "7000, 6364, 636", "0, 0, 0",
            "5, 5, 0", "6, 5, 1", "100, 91, 9" })
    void splitsVatAsOneEleventhRoundedHalfUp(long amount, long supplied, long vat) {
        assertThat(TaxSplit.of(amount)).isEqualTo(new TaxSplit(supplied, vat));
    }

}
