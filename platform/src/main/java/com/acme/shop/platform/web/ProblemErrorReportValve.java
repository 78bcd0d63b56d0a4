package com.acme.shop.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error answers (a request line or path it will not route, such as raw non-ASCII bytes or an encoded
 * slash, refused before Spring sees the request) in the same problem shape as every other error, instead of
 * Tomcat's HTML page. Never shows an exception or a server version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = switch (status) {
            case 400 -> ProblemCodes.MALFORMED_REQUEST;
            case 404 -> ProblemCodes.NOT_FOUND;
            case 413 -> ProblemCodes.PAYLOAD_TOO_LARGE;
            default -> status >= 500 ? ProblemCodes.INTERNAL_ERROR : "HTTP_" + status;
        };
        String detail = status == 400 ? "The request line, path or headers are not valid HTTP for this service"
                : known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response is already on its way: nothing more to say
        }
    }
}
