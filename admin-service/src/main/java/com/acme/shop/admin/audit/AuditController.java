package com.acme.shop.admin.audit;

import com.acme.shop.admin.Korean;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.platform.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 감사 로그: the audit log, newest first, filtered by a KST date range, user, action and target, 50 rows a page with a
 * keyset cursor (the last id shown). Read-only: there is no route that changes a row.
 */
@Controller
class AuditController implements ConsolePage {

    static final int PAGE_SIZE = 50;

    private final AuditTrail audit;
    private final Clock clock;

    AuditController(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String log(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(required = false) String user, @RequestParam(required = false) String action,
               @RequestParam(required = false) String target, @RequestParam(required = false) String before,
               Model model) {
        LocalDate today = Korean.dateOf(clock.instant());
        LocalDate end = date(to, today);
        LocalDate start = date(from, end.minusDays(6));
        if (start.isAfter(end) || start.isBefore(end.minusDays(366))) {
            throw ApiException.badRequest("INVALID_DATE_RANGE", "기간은 시작일 ≤ 종료일, 최대 367일입니다");
        }
        AuditAction wanted = null;
        if (action != null && !action.isBlank()) {
            try {
                wanted = AuditAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("VALIDATION_FAILED", "알 수 없는 작업입니다");
            }
        }
        String username = blank(user, 64, "사용자");
        String targetText = blank(target, 200, "대상");
        Long cursor = null;
        if (before != null && !before.isBlank()) {
            if (!before.matches("\\d{1,18}")) {
                throw ApiException.badRequest("VALIDATION_FAILED", "페이지 커서가 올바르지 않습니다");
            }
            cursor = Long.parseLong(before);
        }
        List<AuditEntry> rows = audit.find(new AuditFilter(Korean.startOf(start), Korean.startOf(end.plusDays(1)),
                username, wanted, targetText, cursor), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        List<AuditEntry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
        model.addAttribute("rows", page);
        model.addAttribute("next", more ? page.getLast().id() : null);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("user", username);
        model.addAttribute("action", wanted);
        model.addAttribute("target", targetText);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("firstPage", cursor == null);
        return "audit";
    }

    private static LocalDate date(String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw new DateTimeParseException("range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE_RANGE", "날짜는 yyyy-MM-dd 형식입니다");
        }
    }

    private static String blank(String value, int max, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw ApiException.badRequest("VALIDATION_FAILED", label + "는 " + max + "자 이하입니다");
        }
        return text;
    }
}
