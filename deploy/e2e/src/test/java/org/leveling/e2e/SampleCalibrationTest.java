package org.leveling.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leveling.common.testing.CommitteeUi;
import org.leveling.common.testing.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calibration sample {@code deploy/local/run} loads ({@code deploy/local/SampleCalibration.java},
 * run with {@code java} as the script runs it) gives the dashboard something to look at: in an
 * analyst's aggregate view of the current cycle both org units and every manager are shown, not
 * suppressed, both org units are outliers and drift compares with the earlier, closed cycle; a second
 * run changes nothing.
 */
class SampleCalibrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANALYST = Tokens.forEmployee("HR1", "employee", "analyst");
    private static Platform platform;

    @BeforeAll
    static void startPlatformWithTheSampleData() throws Exception {
        platform = Platform.start(Map.of(), "levels-service", "evidence-service", "promotion-service");
        SampleData.load(platform);
    }

    @Test
    void theCalibrationSampleShowsUnsuppressedGroupsOutliersAndDriftToAnAnalyst() throws Exception {
        assertThat(runTheSampleLoader()).contains("cycle '2026 H1 Product': 10 cases")
                .contains("cycle '2026 H2 Product': 28 cases");

        String promotion = platform.url("promotion-service");
        JsonNode cycles = JSON.readTree(given().baseUri(promotion).auth().oauth2(ANALYST)
                .get("/api/v1/cycles?limit=100").then().statusCode(200).extract().asString());
        String earlier = idOf(cycles, "2026 H1 Product");
        String current = idOf(cycles, "2026 H2 Product");
        JsonNode calibration = JSON.readTree(given().baseUri(promotion).auth().oauth2(ANALYST)
                .get("/api/v1/cycles/{id}/calibration", current).then().statusCode(200).extract().asString());

        assertThat(calibration.path("view").asText()).isEqualTo("AGGREGATE");
        assertThat(calibration.path("state").asText()).isEqualTo("CALIBRATING");
        // 28 cases, one withdrawn; 24 decided, 11 promoted; overrides: two decisions and the upheld appeal's.
        JsonNode overall = calibration.path("overall");
        assertThat(List.of(overall.path("nominations").asInt(), overall.path("decided").asInt(),
                overall.path("promoted").asInt(), overall.path("overrides").asInt())).containsExactly(27, 24, 11, 3);
        assertThat(overall.path("averageReadiness").isNumber()).isTrue();

        List<String> outliers = new ArrayList<>();
        for (JsonNode group : calibration.path("groups").path("orgUnit")) {
            assertThat(group.path("suppressed").asBoolean()).as("org unit %s", group.path("key")).isFalse();
            assertThat(group.path("driftFromPrevious").isNumber()).as("drift of %s", group.path("key")).isTrue();
            if (group.path("outlier").asBoolean()) {
                outliers.add(group.path("key").asText());
            }
        }
        assertThat(outliers).containsExactly("Product - Growth", "Product - Payments");
        assertThat(calibration.path("groups").path("manager")).hasSize(4)
                .allSatisfy(group -> assertThat(group.path("suppressed").asBoolean()).isFalse());
        assertThat(calibration.path("drift").path("previousCycleId").asText()).isEqualTo(earlier);
        assertThat(calibration.path("drift").path("promotionRateChange").isNumber()).isTrue();

        assertThat(runTheSampleLoader()).as("a second run").contains("already loaded");
        lookAtTheDashboard(promotion, current);
    }

    /** The dashboard of the sample's current cycle as an analyst sees it, for a screenshot under target/. */
    private static void lookAtTheDashboard(String promotion, String cycle) {
        try (CommitteeUi ui = CommitteeUi.start()) {
            ui.openDashboard(promotion + "/ui/", ANALYST, cycle);
            ui.waitUntil(() -> ui.text("rates-text").contains("Product - Growth"), Duration.ofSeconds(15));
            assertThat(ui.text("rates-text")).contains("Product - Payments").doesNotContain("(suppressed)");
            ui.awaitChartsAtRest();
            ui.screenshot("dashboard-sample-analyst.png");
        }
    }

    private static String runTheSampleLoader() throws Exception {
        Path root = Path.of("..", "..").toAbsolutePath().normalize();
        Path common = root.resolve("common/target");
        String classPath = common.resolve("test-classes") + ":" + common.resolve("classes") + ":"
                + Files.readString(common.resolve("test.classpath")).strip();
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Dleveling.root.dir=" + root, root.resolve("deploy/local/SampleCalibration.java").toString(),
                platform.url("levels-service"), platform.url("evidence-service"), platform.url("promotion-service"))
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        return output;
    }

    private static String idOf(JsonNode cycles, String name) {
        for (JsonNode cycle : cycles) {
            if (cycle.path("name").asText().equals(name)) {
                return cycle.path("id").asText();
            }
        }
        throw new AssertionError("no cycle named " + name + " in " + cycles);
    }
}
