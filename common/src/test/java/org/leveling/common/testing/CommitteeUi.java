package org.leveling.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

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

/**
 * promotion-service's committee web UI in a real browser: Debian's headless Chromium through its
 * chromedriver ({@code apt-get install chromium chromium-driver}; .ci/run installs them when missing).
 * Screenshots go to the module's target/screenshots/.
 */
public final class CommitteeUi implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver browser;

    private CommitteeUi(WebDriver browser) {
        this.browser = browser;
    }

    public static CommitteeUi start() {
        assertThat(CHROMIUM).as("Chromium for the browser tests (apt-get install chromium chromium-driver; "
                + ".ci/run installs it)").exists();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800");
        return new CommitteeUi(new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options));
    }

    /** Opens the UI at {@code uiUrl} (…/ui/) afresh and signs in with {@code token}; waits for the case queue. */
    public void signIn(String uiUrl, String token) {
        browser.get(uiUrl);
        js("sessionStorage.clear();");
        browser.navigate().refresh();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
    }

    /**
     * Signs in and opens the calibration dashboard of {@code cycle}; waits until its live stream is
     * connected and its summary is shown.
     */
    public void openDashboard(String uiUrl, String token, String cycle) {
        signIn(uiUrl, token);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cycle option[value='" + cycle + "']")));
        new Select(browser.findElement(By.id("cycle"))).selectByValue(cycle);
        click(By.id("show-calibration"));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        wait.until(driver -> !text("calibration-summary").isEmpty());
    }

    /**
     * Waits until the dashboard's charts have stopped moving (ECharts animates them into place): two
     * looks at their rendered images a moment apart are the same.
     */
    public void awaitChartsAtRest() {
        String[] last = {""};
        new WebDriverWait(browser, WAIT, Duration.ofMillis(250)).until(driver -> {
            Object images = js("return Array.from(document.querySelectorAll('[id^=chart-]'))"
                    + ".map(el => echarts.getInstanceByDom(el)).filter(c => c).map(c => c.getDataURL()).join('|');");
            boolean atRest = !images.toString().isEmpty() && images.equals(last[0]);
            last[0] = images.toString();
            return atRest;
        });
    }

    public WebDriver browser() {
        return browser;
    }

    public void click(By element) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    public String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    public Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    public void waitUntil(BooleanSupplier condition, Duration timeout) {
        new WebDriverWait(browser, timeout).until(driver -> condition.getAsBoolean());
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name);
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
