package com.acme.shop.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem response an operation may answer besides the ones every operation of its kind has (bad input, missing
 * credential, oversized body: {@link ProblemResponses} adds those): its status, the stable {@code code}s a client can
 * branch on, and when it happens. The description lists the codes as an enum of the problem's {@code code} member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiProblem.List.class)
public @interface ApiProblem {

    int status();

    String[] codes();

    /** When this problem is answered, for a person reading the description. */
    String when();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ApiProblem[] value();
    }
}
