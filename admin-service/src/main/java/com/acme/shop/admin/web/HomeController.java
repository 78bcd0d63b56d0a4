package com.acme.shop.admin.web;

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

/** 홈: how many things wait in each review queue, each count a link to its list. */
@Controller
class HomeController implements ConsolePage {

    private final PaymentApi payments;
    private final SettlementApi settlement;
    private final DeadLetterService deadLetters;
    private final Clock clock;

    HomeController(PaymentApi payments, SettlementApi settlement, DeadLetterService deadLetters, Clock clock) {
        this.payments = payments;
        this.settlement = settlement;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        LocalDate today = Korean.dateOf(clock.instant());
        model.addAttribute("queues", Section.of(payments::queues));
        model.addAttribute("deadLetters", deadLetters.count(DeadLetterStatus.NEW));
        model.addAttribute("mismatches", Section.of(() -> (long) settlement.mismatches(today.minusDays(365), today, "OPEN")
                .size()));
        return "home";
    }

    /** The saga list and dead letters of the first console, inside the new one. */
    @GetMapping("/sagas")
    String sagas() {
        return "sagas";
    }
}
