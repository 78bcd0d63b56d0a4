package com.acme.shop.admin.page;

import jakarta.servlet.http.HttpServletRequest;

/** What kind of request a page route got: a browser navigating, htmx, or anything else (a script, a test, curl). */
public final class Requests {

    public static final String HTMX_HEADER = "HX-Request";

    private Requests() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader(HTMX_HEADER));
    }

    /** A browser loading a page or sending a plain form: it asks for HTML and is not htmx. */
    public static boolean isNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !isHtmx(request) && accept != null && accept.contains("text/html");
    }
}
