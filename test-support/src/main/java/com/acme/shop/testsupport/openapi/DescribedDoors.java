package com.acme.shop.testsupport.openapi;

import com.acme.shop.testsupport.Http;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knocks on every operation an API description lists, as the description says its door is, to catch a description
 * that promises a door the service's access rules do not have (or the other way round):
 * <ul>
 *   <li>an operation described as open never answers 401 or 403 to an anonymous caller;</li>
 *   <li>one whose every alternative needs the service token or a console session answers 401 to an anonymous caller
 *       (or 403 where a CSRF token is part of the door: the CSRF check comes first) and 403 to the scrape token;</li>
 *   <li>one that names the service token among its alternatives lets the service token through (no 401 or 403);</li>
 *   <li>no secured operation answers 2xx without a credential, and nothing answers 5xx but a 503 (a service it needs
 *       is not reachable, which the description states as a problem of its own);</li>
 *   <li>a 401 or 403 that an anonymous caller or the scrape token gets is among the operation's described
 *       responses.</li>
 * </ul>
 * Path variables get a made-up id and bodies are {@code {}}, so the calls change nothing (they end in 400 or 404 past
 * the door); action headers such as {@code X-Operator} are not sent.
 */
public final class DescribedDoors {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> SERVICE_OR_SESSION = Set.of("serviceToken", "consoleSession");

    private DescribedDoors() {
    }

    /** Every disagreement between the described doors and the answers, empty when they agree. */
    public static List<String> disagreements(String baseUrl, JsonNode description) {
        List<String> out = new ArrayList<>();
        for (var path : description.get("paths").properties()) {
            String url = baseUrl + path.getKey().replaceAll("\\{[^}]+}", "doorcheck01");
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                String what = method + " " + path.getKey();
                JsonNode security = operation.getValue().get("security");
                if (security == null) {
                    out.add(what + ": the description states no door (security)");
                    continue;
                }
                int anonymous = call(method, url, Map.of());
                int scraper = call(method, url, Http.AS_SCRAPER);
                if (serverError(anonymous) || serverError(scraper)) {
                    out.add(what + ": answered 5xx (anonymous " + anonymous + ", scrape token " + scraper + ")");
                }
                JsonNode responses = operation.getValue().path("responses");
                for (int status : new int[] {anonymous, scraper}) {
                    if ((status == 401 || status == 403) && !responses.has(String.valueOf(status))) {
                        out.add(what + ": answered " + status + ", which the description does not list");
                    }
                }
                if (security.isEmpty()) {
                    if (anonymous == 401 || anonymous == 403) {
                        out.add(what + ": described as open, but refused an anonymous caller with " + anonymous);
                    }
                    continue;
                }
                if (anonymous >= 200 && anonymous < 300) {
                    out.add(what + ": described as needing a credential, but answered " + anonymous + " without one");
                }
                boolean everyNeedsServiceOrSession = true;
                boolean serviceOpens = false;
                boolean csrf = false;
                for (JsonNode requirement : security) {
                    csrf |= requirement.has("csrfToken");
                    everyNeedsServiceOrSession &= requirement.propertyNames().stream().anyMatch(SERVICE_OR_SESSION::contains);
                    serviceOpens |= requirement.has("serviceToken");
                }
                if (everyNeedsServiceOrSession && anonymous != 401 && !(csrf && anonymous == 403)) {
                    out.add(what + ": described as needing the service token or a session, but an anonymous caller got "
                            + anonymous + " instead of 401");
                }
                if (everyNeedsServiceOrSession && scraper != 403) {
                    out.add(what + ": the scrape token got " + scraper + " instead of 403");
                }
                if (serviceOpens) {
                    int service = call(method, url, Http.AS_SERVICE);
                    if (service == 401 || service == 403 || serverError(service)) {
                        out.add(what + ": described as open to the service token, which got " + service);
                    }
                }
            }
        }
        return out;
    }

    private static boolean serverError(int status) {
        return status >= 500 && status != 503;
    }

    private static int call(String method, String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
