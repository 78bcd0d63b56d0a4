package com.acme.shop.admin.page;

import com.acme.shop.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals of the console's pages and forms. Every one is a 4xx (or 503) with the stable {@code code}: as an RFC 9457
 * problem for htmx, scripts and anything that is not a browser navigating (console.js shows its Korean
 * {@code detail} next to the form that was sent), and as the Korean error page with the same status and code for a
 * browser that navigated to a page.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(ApiException.class)
    Object refused(ApiException e, HttpServletRequest request) {
        if (Requests.isNavigation(request)) {
            ModelAndView page = new ModelAndView("error/problem");
            page.setStatus(e.status());
            page.addObject("status", e.status().value());
            page.addObject("code", e.code());
            page.addObject("detail", e.getMessage());
            return page;
        }
        ResponseEntity<ProblemDetail> problem = e.toResponse();
        return problem;
    }
}
