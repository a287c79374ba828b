package org.leveling.stack;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.undertow.Undertow;
import io.undertow.predicate.Predicate;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

/**
 * An HTTP load balancer (Undertow's reverse proxy) in front of the instances of one service,
 * bound to 127.0.0.1: requests take turns over the instances; one that refuses connections
 * (stopped, restarting) is skipped and tried again after a second.
 *
 * <pre>
 * java -cp ... org.leveling.stack.LoadBalancerMain --port 8081 --backends http://127.0.0.1:8181,http://127.0.0.1:8281 [--watch-stdin]
 * </pre>
 *
 * A request whose instance died before answering is sent to another instance only when repeating it
 * is safe: GET, HEAD, OPTIONS, PUT and DELETE, and a POST with an {@code Idempotency-Key} (the
 * services answer its repeat with what the first created). Prints {@code READY http://127.0.0.1:<port>}.
 */
public final class LoadBalancerMain {

    private static final int MAX_REQUEST_MILLIS = 60_000;
    private static final HttpString HTTP2_SETTINGS = new HttpString("HTTP2-Settings");

    private LoadBalancerMain() {
    }

    public static void main(String[] args) throws Exception {
        LauncherOptions options = new LauncherOptions(args);
        int port = options.port("port");
        List<URI> backends = Arrays.stream(options.text("backends", "").split(","))
                .filter(b -> !b.isBlank()).map(URI::create).toList();
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("--backends <url,url...> is required");
        }
        LoadBalancingProxyClient instances = new LoadBalancingProxyClient()
                .setConnectionsPerThread(32)
                // A refused instance is left out for this long before it is tried again.
                .setProblemServerRetry(1);
        backends.forEach(instances::addHost);
        ProxyHandler proxy = ProxyHandler.builder()
                .setProxyClient(instances)
                .setMaxRequestTime(MAX_REQUEST_MILLIS)
                .setMaxConnectionRetries(backends.size())
                .setIdempotentRequestPredicate(safeToRepeat())
                .setReuseXForwarded(true)
                .setNext(ResponseCodeHandler.HANDLE_404)
                .build();
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(withoutH2cUpgrade(proxy))
                .build();
        server.start();
        LauncherLifecycle.announceReadyAndWait("READY http://127.0.0.1:" + port, options.flag("watch-stdin"),
                server::stop);
    }

    /**
     * Drops a client's offer to upgrade to HTTP/2 over plain text (the JDK's HttpClient makes it by
     * default): passed on, the instance accepts it and the proxy, which speaks HTTP/1.1 to it, never
     * answers. Ignoring the offer is allowed (RFC 9110 §7.8); the client carries on in HTTP/1.1.
     */
    private static HttpHandler withoutH2cUpgrade(HttpHandler next) {
        return exchange -> {
            HeaderMap headers = exchange.getRequestHeaders();
            if ("h2c".equalsIgnoreCase(headers.getFirst(Headers.UPGRADE))) {
                headers.remove(Headers.UPGRADE);
                headers.remove(HTTP2_SETTINGS);
            }
            next.handleRequest(exchange);
        };
    }

    private static Predicate safeToRepeat() {
        Set<HttpString> idempotent = Set.of(Methods.GET, Methods.HEAD, Methods.OPTIONS, Methods.PUT, Methods.DELETE);
        return exchange -> idempotent.contains(exchange.getRequestMethod())
                || exchange.getRequestHeaders().contains("Idempotency-Key");
    }
}
