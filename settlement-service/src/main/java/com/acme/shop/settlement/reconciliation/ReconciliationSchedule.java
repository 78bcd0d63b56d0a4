package com.acme.shop.settlement.reconciliation;

import com.acme.shop.settlement.policy.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Reconciles the last {@code settlement.reconciliation.lookback-days} sales dates every day
 * ({@code settlement.reconciliation.cron}, KST; "-" switches it off). Re-checking a few days catches rows Toss adds
 * or corrects late; re-runs are idempotent. A failing date is logged and left FAILED; the others still run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReconciliationSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final Reconciliation reconciliation;
    private final Clock clock;
    private final int lookbackDays;

    ReconciliationSchedule(Reconciliation reconciliation, Clock clock,
                           @Value("${settlement.reconciliation.lookback-days:3}") int lookbackDays) {
        if (lookbackDays < 1 || lookbackDays > 31) {
            throw new IllegalArgumentException("settlement.reconciliation.lookback-days must be within 1..31");
        }
        this.reconciliation = reconciliation;
        this.clock = clock;
        this.lookbackDays = lookbackDays;
    }

    @Scheduled(cron = "${settlement.reconciliation.cron:0 30 6 * * *}", zone = "Asia/Seoul")
    void reconcileRecentDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessCalendar.ZONE);
        for (int back = lookbackDays; back >= 1; back--) {
            LocalDate date = today.minusDays(back);
            try {
                reconciliation.reconcile(date);
            } catch (RuntimeException e) {
                log.error("Scheduled reconciliation of {} failed: {}", date, e.getMessage());
            }
        }
    }
}
