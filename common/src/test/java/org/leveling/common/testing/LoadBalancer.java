package org.leveling.common.testing;

import java.util.List;

/**
 * The load balancer deploy/local/run puts in front of several instances of a service
 * (org.leveling.stack.LoadBalancerMain, Undertow's proxy), on a free loopback port.
 */
public final class LoadBalancer {

    private final StackProcess process;

    private LoadBalancer(StackProcess process) {
        this.process = process;
    }

    /** Starts one in front of {@code backends} (base URLs); returns once it accepts connections. */
    public static LoadBalancer start(String name, List<String> backends) {
        return new LoadBalancer(StackProcess.start(name, "org.leveling.stack.LoadBalancerMain", List.of(),
                List.of("--port", String.valueOf(StackProcess.freePort()), "--backends", String.join(",", backends))));
    }

    /** Its base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return process.readyValue();
    }

    public void stop() {
        process.stop();
    }
}
