package com.acme.shop.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The door of an operation (on the method) or of every operation of a controller (on the class), for the API
 * description: its security requirement and the 401/403/400 problems that come with it. It describes the rule the
 * service's {@code AccessRules} enforce; it does not enforce anything itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Door {

    Caller value();
}
