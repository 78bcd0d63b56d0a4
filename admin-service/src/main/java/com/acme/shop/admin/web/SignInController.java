package com.acme.shop.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security's form login takes the POST; whatever went wrong, the page says only "wrong
 * username or password, or the account is locked" ({@code ?error}), so it tells nobody which accounts exist.
 */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
