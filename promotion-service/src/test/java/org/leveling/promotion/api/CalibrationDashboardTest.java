package org.leveling.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leveling.promotion.api.CaseFixture.HR;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.CommitteeUi;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live calibration dashboard in a real browser (Debian's headless Chromium): a decision recorded
 * through the API shows on an open dashboard without a reload, and an analyst's charts carry no
 * number of a suppressed group. Screenshots go to target/screenshots/.
 */
@QuarkusTest
class CalibrationDashboardTest {

    private static CommitteeUi ui;

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    @TestHTTPResource("/ui/")
    URL uiUrl;

    @BeforeAll
    static void startBrowser() {
        ui = CommitteeUi.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void aDecisionRecordedThroughTheApiShowsOnAnOpenDashboardWithoutAReload() throws Exception {
        CaseFixture org = new CaseFixture(catalog, people);
        String cycle = org.cycle(1, org.chair, org.member);
        String nomination = org.caseInReview(cycle, 9);
        CaseFixture.vote(org.member, nomination, "APPROVE").then().statusCode(201);

        openDashboard(HR, cycle);
        assertThat(text("calibration-summary")).contains("1 nominations, 0 decided");
        js("window.sameDocument = true;");

        CaseFixture.decide(org.chair, nomination, CaseFixture.decision("PROMOTED", null)).then().statusCode(201);

        waitUntil(() -> text("calibration-summary").contains("1 decided, 1 promoted"), Duration.ofSeconds(10));
        assertThat(js("return window.sameDocument === true;")).as("the page was not reloaded").isEqualTo(true);
        assertThat(text("live")).contains("decided");
        @SuppressWarnings("unchecked")
        List<Object> rates = (List<Object>) js("return echarts.getInstanceByDom(document.getElementById('chart-rates'))"
                + ".getOption().series[0].data.map(d => d.value);");
        assertThat(rates).containsExactly(100L);
        assertThat(text("rates-text")).contains("Payments: 100.0 %");
        screenshot("dashboard-live-hr-admin.png");
    }

    @Test
    void anAnalystsChartsCarryNoNumberOfASuppressedGroup() throws Exception {
        CaseFixture org = new CaseFixture(catalog, people);
        String cycle = org.cycle(1, org.chair, org.member);
        String nomination = org.caseInReview(cycle, 5);
        CaseFixture.vote(org.member, nomination, "APPROVE").then().statusCode(201);
        CaseFixture.decide(org.chair, nomination, CaseFixture.decision("PROMOTED", null)).then().statusCode(201);

        openDashboard(Tokens.forEmployee(Upstream.id("analyst"), "employee", "analyst"), cycle);

        assertThat(text("calibration-title")).contains("aggregates");
        @SuppressWarnings("unchecked")
        List<Object> rates = (List<Object>) js("return echarts.getInstanceByDom(document.getElementById('chart-rates'))"
                + ".getOption().series[0].data.map(d => d.value);");
        assertThat(rates).isNotEmpty().containsOnlyNulls();
        assertThat(text("rates-text")).contains("(suppressed)").doesNotContain("100.0 %");
        assertThat(text("calibration-summary")).contains("suppressed");
        screenshot("dashboard-analyst-suppressed.png");
    }

    private void openDashboard(String token, String cycle) {
        ui.openDashboard(uiUrl.toString(), token, cycle);
    }

    private String text(String id) {
        return ui.text(id);
    }

    private Object js(String script) {
        return ui.js(script);
    }

    private void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        ui.waitUntil(condition, timeout);
    }

    private void screenshot(String name) {
        ui.screenshot(name);
    }
}
