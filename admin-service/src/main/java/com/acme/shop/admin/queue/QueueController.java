package com.acme.shop.admin.queue;

import com.acme.shop.admin.Korean;
import com.acme.shop.admin.deadletter.DeadLetterService;
import com.acme.shop.admin.deadletter.DeadLetterStatus;
import com.acme.shop.admin.downstream.Section;
import com.acme.shop.admin.downstream.SettlementApi;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.admin.downstream.PaymentApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 검토 대기열: everything that waits for a person, each list with its action. Payments in MANUAL_REVIEW or with an
 * unknown outcome (토스에서 다시 확인), parked refunds (지금 재시도), dead letters (inspect, replay), open
 * reconciliation mismatches (resolve, ignore: finance), refused and failed webhooks (inspect the raw body, 재처리).
 * Each list is read on its own: one service that does not answer leaves the others on the page.
 */
@Controller
class QueueController implements ConsolePage {

    static final int LIMIT = 50;

    private final PaymentApi payments;
    private final SettlementApi settlement;
    private final DeadLetterService deadLetters;
    private final Clock clock;

    QueueController(PaymentApi payments, SettlementApi settlement, DeadLetterService deadLetters, Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @GetMapping("/queues")
    String queues(Model model) {
        LocalDate today = Korean.dateOf(clock.instant());
        model.addAttribute("review", Section.of(() -> {
            List<PaymentApi.Payment> waiting = new ArrayList<>(payments.byStatus("MANUAL_REVIEW", LIMIT));
            waiting.addAll(payments.byStatus("OUTCOME_UNKNOWN", LIMIT));
            return waiting;
        }));
        model.addAttribute("parked", Section.of(() -> payments.parkedRefunds(LIMIT)));
        model.addAttribute("deadLetters", Section.of(() -> deadLetters.latest(DeadLetterStatus.NEW, null, null, LIMIT)));
        model.addAttribute("mismatches", Section.of(() -> settlement.mismatches(today.minusDays(365), today, "OPEN")));
        model.addAttribute("webhooks", Section.of(() -> {
            List<PaymentApi.Webhook> refused = new ArrayList<>(payments.webhooks("REFUSED"));
            refused.addAll(payments.webhooks("FAILED"));
            return refused;
        }));
        return "queues";
    }
}
