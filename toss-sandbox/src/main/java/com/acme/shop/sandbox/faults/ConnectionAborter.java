package com.acme.shop.sandbox.faults;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Closes a request's TCP connection without writing a single byte of the response, which the Servlet API cannot do.
 *
 * <p>On Tomcat a small valve hands every request a closer that fires Tomcat's own {@code CLOSE_NOW} action: the
 * response is swallowed and the socket closed once the request thread returns, so the client sees the connection
 * end with no status line ("connection reset" / "EOF" / "header parser received no bytes", depending on the client).
 * On any other servlet container the abort falls back to an exception, which gives a 500 instead of a silent close.
 */
@Component
class ConnectionAborter {

    static final String CLOSER_ATTRIBUTE = ConnectionAborter.class.getName() + ".closer";

    void abort(HttpServletRequest request) {
        if (request.getAttribute(CLOSER_ATTRIBUTE) instanceof Runnable closer) {
            closer.run();
            return;
        }
        throw new IllegalStateException("Aborting a connection is only supported on Tomcat");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatSupport {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxConnectionCloser() {
            return factory -> factory.addContextValves(new CloserValve());
        }

    }

    /** Offers every request a way to close its own connection. */
    static final class CloserValve extends ValveBase implements Valve {

        CloserValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Request coyoteRequest = request.getCoyoteRequest();
            request.setAttribute(CLOSER_ATTRIBUTE, (Runnable) () -> coyoteRequest.action(ActionCode.CLOSE_NOW, null));
            getNext().invoke(request, response);
        }

    }

}
