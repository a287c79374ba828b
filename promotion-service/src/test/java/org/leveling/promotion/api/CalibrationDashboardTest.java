package org.leveling.promotion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leveling.promotion.api.CaseFixture.HR;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leveling.common.frameworks.FrameworkCatalog;
import org.leveling.common.people.PeopleDirectory;
import org.leveling.common.testing.Tokens;
import org.leveling.common.testing.Upstream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The live calibration dashboard in a real browser (Debian's headless Chromium): a decision recorded
 * through the API shows on an open dashboard without a reload, and an analyst's charts carry no
 * number of a suppressed group. Screenshots go to target/screenshots/.
 */
@QuarkusTest
class CalibrationDashboardTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;

    @Inject
    FrameworkCatalog catalog;

    @Inject
    PeopleDirectory people;

    @TestHTTPResource("/ui/")
    URL ui;

    @BeforeAll
    static void startBrowser() throws Exception {
        assertThat(CHROMIUM).as("Chromium for the browser tests (apt-get install chromium chromium-driver; "
                + ".ci/run installs it)").exists();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
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
        browser.get(ui.toString());
        js("sessionStorage.clear();");
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cycle option[value='" + cycle + "']")));
        new Select(browser.findElement(By.id("cycle"))).selectByValue(cycle);
        browser.findElement(By.id("show-calibration")).click();
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        wait.until(driver -> !text("calibration-summary").isEmpty());
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        new WebDriverWait(browser, timeout).until(driver -> condition.getAsBoolean());
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
