package com.acme.shop.sandbox.faults;

import com.acme.shop.sandbox.api.ApiEndpoint;

/** Which API calls a fault applies to. */
enum FaultTarget {

    CONFIRM, CANCEL, QUERY, ANY;

    boolean matches(ApiEndpoint endpoint) {
        return switch (this) {
            case CONFIRM -> endpoint == ApiEndpoint.CONFIRM;
            case CANCEL -> endpoint == ApiEndpoint.CANCEL;
            case QUERY -> endpoint == ApiEndpoint.QUERY;
            case ANY -> true;
        };
    }

}
