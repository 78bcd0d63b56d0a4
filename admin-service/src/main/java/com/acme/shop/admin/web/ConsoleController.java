package com.acme.shop.admin.web;

import com.acme.shop.admin.operator.OperatorRole;
import com.acme.shop.admin.operator.OperatorUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;
import java.util.List;

/**
 * The console page: the static console's markup, rendered so that it carries the CSRF token for the script's
 * POSTs, names the signed-in operator, and offers the replay button only to those who may replay.
 */
@Controller
class ConsoleController {

    @GetMapping("/")
    String console(Authentication authentication, Model model) {
        model.addAttribute("operator", SignedIn.of(authentication));
        return "console";
    }

    /** Who is signed in, as the page shows it. */
    record SignedIn(String username, String displayName, List<String> roles, boolean canReplay) {

        static SignedIn of(Authentication authentication) {
            if (authentication.getPrincipal() instanceof OperatorUser operator) {
                List<String> roles = operator.roles().stream().map(OperatorRole::role).toList();
                return new SignedIn(operator.getUsername(), operator.displayName(), roles,
                        roles.stream().anyMatch(Arrays.asList(AdminSecurityConfiguration.ACTORS)::contains));
            }
            return new SignedIn(authentication.getName(), authentication.getName(), List.of(), false);
        }
    }
}
