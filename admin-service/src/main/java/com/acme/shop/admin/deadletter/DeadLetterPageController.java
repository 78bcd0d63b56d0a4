package com.acme.shop.admin.deadletter;

import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.platform.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The review queue's dead letters: inspect one (its value, origin and cause), replay it as the signed-in operator. */
@Controller
class DeadLetterPageController implements ConsolePage {

    private final DeadLetterService deadLetters;
    private final AuditTrail audit;

    DeadLetterPageController(DeadLetterService deadLetters, AuditTrail audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping("/dead-letters/{id}")
    String inspect(@PathVariable String id, Model model) {
        model.addAttribute("letter", deadLetters.deadLetter(id(id)));
        return "queues :: dead-letter-body";
    }

    @PostMapping("/dead-letters/{id}/replay")
    String replay(@PathVariable String id, Authentication operator, Model model) {
        model.addAttribute("letter", DeadLetterReplays.replay(deadLetters, audit, id(id), operator.getName()));
        return "queues :: dead-letter-replayed";
    }

    private static long id(String id) {
        if (id == null || !id.matches("\\d{1,18}") || Long.parseLong(id) < 1) {
            throw ApiException.badRequest("VALIDATION_FAILED", "데드레터 번호가 올바르지 않습니다");
        }
        return Long.parseLong(id);
    }
}
