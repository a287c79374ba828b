package org.leveling.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.LoadBalancer;
import org.leveling.common.testing.Tokens;

/** The load balancer of deploy/local/run --instances 2, as the clients people use talk to it. */
class LoadBalancerTest {

    private static final String HR = Tokens.forEmployee("HR1", "hr-admin");

    // The JDK's client as it comes: on plain http:// it offers an upgrade to HTTP/2 (h2c) on every first request.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LoadBalancer balancer;

    @BeforeEach
    void startBalancer() {
        Platform platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
        balancer = LoadBalancer.start("h2c-balancer", List.of(platform.url("promotion-service")));
    }

    @AfterEach
    void stopBalancer() {
        balancer.stop();
    }

    @Test
    void aClientOfferingAnHttp2UpgradeIsAnsweredInHttp11() throws Exception {
        HttpResponse<String> read = http.send(request("/api/v1/cycles?limit=1")
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> write = http.send(request("/api/v1/cycles")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(read.statusCode() + " " + read.version(), write.statusCode() + " " + write.version()))
                .containsExactly("200 HTTP_1_1", "400 HTTP_1_1");
    }

    private HttpRequest.Builder request(String path) {
        // Without the fix the first request waits for ever: the timeout turns that into a failure.
        return HttpRequest.newBuilder(URI.create(balancer.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + HR);
    }
}
