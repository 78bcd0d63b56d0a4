package com.acme.shop.settlement.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeePolicyTest {

    private final FeePolicy policy = FeePolicy.defaults();

    @ParameterizedTest(name = "{0} {1} won -> fee {2}, vat {3}, net {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # method  | amount     | fee     | vat    | net
            카드      | 1000       | 34      | 3      | 963
            카드      | 15         | 1       | 0      | 14
            카드      | 14         | 0       | 0      | 14
            카드      | 99999      | 3400    | 340    | 96259
            카드      | 39000      | 1326    | 133    | 37541
            카드      | 1250       | 43      | 4      | 1203
            카드      | 100        | 3       | 0      | 97
            카드      | 10000000   | 340000  | 34000  | 9626000
            간편결제   | 5000       | 170     | 17     | 4813
            계좌이체   | 10000      | 200     | 20     | 9780
            계좌이체   | 2250       | 45      | 5      | 2200
            계좌이체   | 25         | 1       | 0      | 24
            휴대폰     | 10000      | 350     | 35     | 9615
            휴대폰     | 1000       | 35      | 4      | 961
            가상계좌   | 50000      | 300     | 30     | 49670
            가상계좌   | 100        | 300     | 30     | -230
            문화상품권  | 1000       | 34      | 3      | 963
            """)
    void chargesFeeAndVatRoundedHalfUpToTheWon(String method, long amount, long fee, long vat, long net) {
        Charge charge = policy.saleCharge(method, amount);

        assertThat(charge).isEqualTo(new Charge(fee, vat));
        assertThat(amount - charge.total()).isEqualTo(net);
    }

    @Test
    void rejectsNonPositiveSaleAmounts() {
        assertThatThrownBy(() -> policy.saleCharge("카드", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.saleCharge("카드", -1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} won cancelled as {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # method | total  | cancels               | fee per cancel       | vat per cancel
            카드     | 1000   | 333,333,334           | -11,-12,-11          | -1,-1,-1
            카드     | 99999  | 33333,33333,33333     | -1133,-1134,-1133    | -113,-114,-113
            카드     | 15     | 5,5,5                 | 0,-1,0               | 0,0,0
            카드     | 39000  | 9000,30000            | -306,-1020           | -31,-102
            카드     | 39000  | 39000                 | -1326                | -133
            카드     | 1000   | 1,1,998               | 0,0,-34              | 0,0,-3
            계좌이체  | 2250   | 1125,1125             | -22,-23              | -2,-3
            가상계좌  | 50000  | 10000,10000,30000     | -60,-60,-180         | -6,-6,-18
            """)
    void givesBackFeeInProportionAndNothingIsLeftAfterAFullCancel(String method, long total, String cancels,
                                                                 String fees, String vats) {
        Charge sale = policy.saleCharge(method, total);
        List<Long> cancelAmounts = longs(cancels);
        long balance = total;
        long feeSum = sale.fee();
        long vatSum = sale.vat();
        List<Long> bookedFees = new ArrayList<>();
        List<Long> bookedVats = new ArrayList<>();
        for (long cancel : cancelAmounts) {
            balance -= cancel;
            Charge refund = policy.cancelCharge(sale, total, cancel, balance);
            bookedFees.add(refund.fee());
            bookedVats.add(refund.vat());
            feeSum += refund.fee();
            vatSum += refund.vat();
        }

        assertThat(bookedFees).isEqualTo(longs(fees));
        assertThat(bookedVats).isEqualTo(longs(vats));
        assertThat(balance).isZero();
        assertThat(feeSum).isZero();
        assertThat(vatSum).isZero();
    }

    @Test
    void anySplitOfAFullCancelNetsFeeAndVatToExactlyZero() {
        Random random = new Random(20261121L);
        for (int round = 0; round < 2_000; round++) {
            String method = List.of("카드", "간편결제", "계좌이체", "휴대폰", "가상계좌").get(random.nextInt(5));
            long total = 1 + random.nextInt(random.nextBoolean() ? 100 : 5_000_000);
            Charge sale = policy.saleCharge(method, total);
            long balance = total;
            long fee = sale.fee();
            long vat = sale.vat();
            while (balance > 0) {
                long cancel = random.nextInt(4) == 0 ? balance : 1 + (long) (random.nextDouble() * balance);
                balance -= cancel;
                Charge refund = policy.cancelCharge(sale, total, cancel, balance);
                assertThat(refund.fee()).isBetween(-sale.fee(), 0L);
                assertThat(refund.vat()).isBetween(-sale.vat(), 0L);
                fee += refund.fee();
                vat += refund.vat();
                assertThat(fee).as("fee still charged never goes negative").isNotNegative();
            }
            assertThat(fee).as("fee after full cancel of %s %d", method, total).isZero();
            assertThat(vat).as("vat after full cancel of %s %d", method, total).isZero();
        }
    }

    @Test
    void cancelChargeDependsOnlyOnTheEventSoBookingOrderDoesNotMatter() {
        Charge sale = policy.saleCharge("카드", 1000);
        // The second cancel (balance 667 -> 334) booked first, as a dead-letter replay could do.
        Charge second = policy.cancelCharge(sale, 1000, 333, 334);
        Charge first = policy.cancelCharge(sale, 1000, 333, 667);
        Charge last = policy.cancelCharge(sale, 1000, 334, 0);

        assertThat(second).isEqualTo(new Charge(-12, -1));
        assertThat(first.fee() + second.fee() + last.fee() + sale.fee()).isZero();
        assertThat(first.vat() + second.vat() + last.vat() + sale.vat()).isZero();
    }

    @Test
    void keepsTheFeeWhenThePolicyDoesNotRefundItOnCancel() {
        FeePolicy keepFee = new FeePolicy(Map.of(), BigDecimal.TEN, false, BusinessCalendar.weekendsOnly());
        Charge sale = keepFee.saleCharge("카드", 39000);

        assertThat(keepFee.refundsFeeOnCancel()).isFalse();
        assertThat(keepFee.cancelCharge(sale, 39000, 39000, 0)).isEqualTo(Charge.NONE);
    }

    @ParameterizedTest(name = "total {0}, cancel {1}, balance after {2}")
    @CsvSource({"1000, 600, 500", "1000, 0, 1000", "1000, -5, 1005", "1000, 100, -1", "0, 1, 0"})
    void rejectsCancelsWhoseNumbersContradictEachOther(long total, long cancel, long balanceAfter) {
        Charge sale = new Charge(34, 3);

        assertThatThrownBy(() -> policy.cancelCharge(sale, total, cancel, balanceAfter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inconsistent cancel");
    }

    @Test
    void configuredTermsReplaceTheDefaultsForTheirMethodOnly() {
        FeePolicy contracted = new FeePolicy(Map.of(
                PaymentMethod.CARD, MethodTerms.rate("2.5", 1),
                PaymentMethod.VIRTUAL_ACCOUNT, MethodTerms.fixed(500, 2)), new BigDecimal("10"), true,
                BusinessCalendar.weekendsOnly());

        assertThat(contracted.saleCharge("카드", 1000)).isEqualTo(new Charge(25, 3));
        assertThat(contracted.saleCharge("가상계좌", 1000)).isEqualTo(new Charge(500, 50));
        assertThat(contracted.saleCharge("계좌이체", 10000)).isEqualTo(new Charge(200, 20));
        assertThat(contracted.saleCharge("문화상품권", 1000)).as("unknown method uses the card terms")
                .isEqualTo(new Charge(25, 3));
    }

    @Test
    void rejectsImpossibleTerms() {
        assertThatThrownBy(() -> new MethodTerms(new BigDecimal("3.4"), 300L, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MethodTerms(null, null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodTerms.rate("-1", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodTerms.rate("100.1", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodTerms.fixed(-300, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodTerms.rate("3.4", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeePolicy(Map.of(), new BigDecimal("-10"), true, BusinessCalendar.weekendsOnly()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1} sold {2} -> fee {3}, vat {4}, payout {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # method | provider | sold       | amount | fee | vat | payout
            카드     |          | 2026-12-31 | 10000  | 340 | 34  | 2027-01-06
            카드     |          | 2027-01-01 | 10000  | 320 | 32  | 2027-01-06
            카드     |          | 2027-07-01 | 10000  | 300 | 30  | 2027-07-06
            간편결제  | 토스페이  | 2026-12-31 | 10000  | 300 | 30  | 2027-01-05
            간편결제  | 토스페이  | 2027-03-02 | 10000  | 250 | 25  | 2027-03-03
            간편결제  | 네이버페이 | 2027-03-02 | 10000  | 340 | 34  | 2027-03-04
            간편결제  | 네이버페이 | 2027-07-01 | 10000  | 310 | 31  | 2027-07-05
            간편결제  |          | 2027-07-01 | 10000  | 340 | 34  | 2027-07-05
            가상계좌  |          | 2026-12-31 | 50000  | 300 | 30  | 2027-01-05
            가상계좌  |          | 2027-01-01 | 50000  | 400 | 40  | 2027-01-05
            """)
    void appliesTheTermsInForceOnTheSalesDateAndPerEasyPayProvider(String method, String provider, LocalDate sold,
                                                                   long amount, long fee, long vat,
                                                                   LocalDate payout) {
        FeePolicy dated = new FeePolicy(Map.of(), Map.of("토스페이", MethodTerms.rate("3.0", 2)), List.of(
                new TariffChange(LocalDate.parse("2027-07-01"), Map.of(PaymentMethod.CARD, TermsPatch.rate("3.0"),
                        PaymentMethod.TRANSFER, TermsPatch.rate("1.5")), Map.of("네이버페이", TermsPatch.rate("3.1"))),
                new TariffChange(LocalDate.parse("2027-01-01"), Map.of(PaymentMethod.CARD, TermsPatch.rate("3.2"),
                        PaymentMethod.VIRTUAL_ACCOUNT, new TermsPatch(null, 400L, null)), Map.of()),
                new TariffChange(LocalDate.parse("2027-03-01"), Map.of(), Map.of("토스페이",
                        new TermsPatch(new BigDecimal("2.5"), null, 1)))),
                BigDecimal.TEN, true, new BusinessCalendar(java.util.Set.of(LocalDate.parse("2027-01-01"))));

        assertThat(dated.saleCharge(method, provider, sold, amount)).isEqualTo(new Charge(fee, vat));
        assertThat(dated.payoutDate(method, provider, sold)).isEqualTo(payout);
    }

    @Test
    void refusesTwoFeeChangesOnOneDate() {
        LocalDate day = LocalDate.parse("2027-01-01");
        assertThatThrownBy(() -> new FeePolicy(Map.of(), Map.of(), List.of(
                new TariffChange(day, Map.of(PaymentMethod.CARD, TermsPatch.rate("3.0")), Map.of()),
                new TariffChange(day, Map.of(PaymentMethod.CARD, TermsPatch.rate("3.1")), Map.of())),
                BigDecimal.TEN, true, BusinessCalendar.weekendsOnly()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> longs(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}
