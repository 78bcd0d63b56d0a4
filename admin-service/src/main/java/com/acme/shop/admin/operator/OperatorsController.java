package com.acme.shop.admin.operator;

import com.acme.shop.admin.audit.AuditAction;
import com.acme.shop.admin.audit.AuditTrail;
import com.acme.shop.admin.page.ConsolePage;
import com.acme.shop.platform.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.function.Supplier;

/**
 * 운영자 관리 (ADMIN only; the doors decide): the accounts with their roles and lockout state, and the forms to create
 * one, change its roles, disable or enable it, unlock it and set a new password. Every change is audited with the
 * account before and after (never a password or its hash).
 */
@Controller
class OperatorsController implements ConsolePage {

    private final OperatorManagement management;
    private final AuditTrail audit;

    OperatorsController(OperatorManagement management, AuditTrail audit) {
        this.management = management;
        this.audit = audit;
    }

    @GetMapping("/operators")
    String operators(Model model) {
        model.addAttribute("operators", management.all());
        model.addAttribute("roles", OperatorRole.values());
        return "operators";
    }

    @PostMapping("/operators")
    String create(@RequestParam MultiValueMap<String, String> form, Model model) {
        String username = form.getFirst("username");
        OperatorView created = audit.run(AuditAction.OPERATOR_CREATE, cut(username), "운영자 생성", null,
                () -> management.create(username, form.getFirst("displayName"),
                        OperatorManagement.roles(form.get("roles")), form.getFirst("password")), v -> v);
        return row(created, "생성했습니다", model);
    }

    @PostMapping("/operators/{id}/roles")
    String roles(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication admin,
                 Model model) {
        return act(AuditAction.OPERATOR_ROLES, id, "역할을 바꿨습니다", model,
                () -> management.changeRoles(id(id), OperatorManagement.roles(form.get("roles")), admin.getName()));
    }

    @PostMapping("/operators/{id}/disable")
    String disable(@PathVariable String id, Authentication admin, Model model) {
        return act(AuditAction.OPERATOR_DISABLE, id, "비활성화했습니다", model, () -> management.disable(id(id), admin.getName()));
    }

    @PostMapping("/operators/{id}/enable")
    String enable(@PathVariable String id, Model model) {
        return act(AuditAction.OPERATOR_ENABLE, id, "활성화했습니다", model, () -> management.enable(id(id)));
    }

    @PostMapping("/operators/{id}/unlock")
    String unlock(@PathVariable String id, Model model) {
        return act(AuditAction.OPERATOR_UNLOCK, id, "잠금을 해제했습니다", model, () -> management.unlock(id(id)));
    }

    @PostMapping("/operators/{id}/password")
    String password(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model) {
        return act(AuditAction.OPERATOR_PASSWORD_RESET, id, "비밀번호를 재설정했습니다", model,
                () -> management.resetPassword(id(id), form.getFirst("password")));
    }

    private String act(AuditAction action, String id, String done, Model model, Supplier<OperatorView> change) {
        OperatorView after = audit.run(action, targetOf(id), action.label(), () -> before(id), change, v -> v);
        return row(after, done, model);
    }

    private Object before(String id) {
        try {
            return management.get(id(id));
        } catch (ApiException e) {
            return null;
        }
    }

    /** The account's username when the id names one (what the audit log's target shows), else the id as sent. */
    private String targetOf(String id) {
        try {
            return management.get(id(id)).username();
        } catch (ApiException e) {
            return cut(id);
        }
    }

    private String row(OperatorView operator, String done, Model model) {
        model.addAttribute("o", operator);
        model.addAttribute("roles", OperatorRole.values());
        model.addAttribute("done", done);
        return "operators :: row";
    }

    private static long id(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw OperatorManagement.invalid("운영자 번호가 올바르지 않습니다");
        }
        return Long.parseLong(id);
    }

    private static String cut(String text) {
        return text == null ? null : text.length() <= 64 ? text : text.substring(0, 64);
    }
}
