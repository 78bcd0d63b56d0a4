package com.acme.shop.admin.downstream;

import com.acme.shop.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The service that owns what the operator asked about could not answer: nothing was decided there that we know of. */
public final class ServiceUnavailable extends ApiException {

    public static final String CODE = "SERVICE_UNAVAILABLE";

    ServiceUnavailable(String service, String label, String why) {
        super(HttpStatus.SERVICE_UNAVAILABLE, CODE, label + "가 응답하지 않습니다 (" + why + "). 잠시 후 다시 시도하세요.",
                Map.of("service", service));
    }
}
