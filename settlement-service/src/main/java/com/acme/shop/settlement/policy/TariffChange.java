package com.acme.shop.settlement.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * New fee terms that apply to transactions sold on or after {@code from} (Korean sales date), on top of the terms in
 * force the day before. Methods and providers not named keep their terms.
 *
 * @param easyPayProviders terms of single easy-pay providers (Toss's {@code easyPay.provider}, e.g. 토스페이); a
 *                         provider without its own terms is charged the 간편결제 terms
 */
record TariffChange(LocalDate from, Map<PaymentMethod, TermsPatch> methods,
                    Map<String, TermsPatch> easyPayProviders) {

    public TariffChange {
        Objects.requireNonNull(from, "from");
        methods = methods == null ? Map.of() : Map.copyOf(methods);
        easyPayProviders = easyPayProviders == null ? Map.of() : Map.copyOf(easyPayProviders);
    }
}
