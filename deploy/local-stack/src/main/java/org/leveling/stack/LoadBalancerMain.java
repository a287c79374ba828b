package org.leveling.stack;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.undertow.Undertow;
import io.undertow.predicate.Predicate;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
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
                .setHandler(proxy)
                .build();
        server.start();
        LauncherLifecycle.announceReadyAndWait("READY http://127.0.0.1:" + port, options.flag("watch-stdin"),
                server::stop);
    }

    private static Predicate safeToRepeat() {
        Set<HttpString> idempotent = Set.of(Methods.GET, Methods.HEAD, Methods.OPTIONS, Methods.PUT, Methods.DELETE);
        return exchange -> idempotent.contains(exchange.getRequestMethod())
                || exchange.getRequestHeaders().contains("Idempotency-Key");
    }
}
