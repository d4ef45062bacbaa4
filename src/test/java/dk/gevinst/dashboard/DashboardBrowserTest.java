package dk.gevinst.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.gevinst.e2e.SampleRun;
import dk.gevinst.generate.Scenario;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the sample run's dashboard from file:// in Debian's headless Chromium, with every network request
 * sent to a dead proxy, as on a closed municipal intranet. Chromium and its driver are used from /usr/bin
 * (installed by .ci/run); nothing is downloaded.
 */
class DashboardBrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static ChromeDriver driver;
    private static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Debian's chromium and chromium-driver are needed: apt-get install chromium chromium-driver (.ci/run does this)");
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--window-size=1366,900",
            "--user-data-dir=" + Files.createTempDirectory("gevinst-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    private static List<String> pages() throws Exception {
        List<String> pages = new ArrayList<>(List.of("index"));
        try (var s = Files.list(SampleRun.out().resolve("decisions"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
                .map(n -> n.replace(".json", "")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static void open(String page) {
        driver.get(SampleRun.out().resolve("dashboard").resolve(page + ".html").toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
            .executeScript("return document.readyState === 'complete' && Array.from(document.querySelectorAll('.chart')).every(c => c.querySelector('svg, canvas'))"));
    }

    @Test
    void everyPageRendersItsChartsWithoutErrorsAndOffline() throws Exception {
        assertThat(SampleRun.exitCode()).isZero();
        for (String page : pages()) {
            open(page);
            List<WebElement> charts = driver.findElements(By.cssSelector(".chart"));
            if (!page.equals("index")) assertThat(charts).as(page).isNotEmpty();
            for (WebElement chart : charts) {
                assertThat(chart.findElements(By.cssSelector("svg, canvas"))).as(page + " chart " + chart.getAttribute("data-chart")).isNotEmpty();
            }
            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().equals(Level.SEVERE)).toList();
            assertThat(severe).as(page + " console").isEmpty();
            Object overflow = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as(page + " horizontal scrolling on a laptop screen").isLessThanOrEqualTo(0);
            Files.write(SHOTS.resolve(page + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void badgesMatchThePublishedDecisions() throws Exception {
        for (String page : pages()) {
            if (page.equals("index")) continue;
            JsonNode doc = SampleRun.decision(page);
            String expected = doc.path("decision").isTextual() ? doc.path("decision").asText() : "ERROR";
            open(page);
            WebElement badge = driver.findElement(By.cssSelector(".verdict .badge"));
            assertThat(badge.getAttribute("data-decision")).as(page).isEqualTo(expected);
            assertThat(badge.getText()).as(page).contains(new Texts(dk.gevinst.text.Language.DA).get("decision." + expected));
            open("index");
            WebElement row = driver.findElement(By.cssSelector("tr[data-pilot='" + page + "'] .badge"));
            assertThat(row.getAttribute("data-decision")).isEqualTo(expected);
        }
    }

    @Test
    void aHostileUnitNameIsShownAsTextAndNeverRuns() {
        open("chatbot");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        String meta = driver.findElement(By.cssSelector("dl.meta")).getText();
        assertThat(meta).contains(Scenario.HOSTILE_UNIT);
        assertThat(driver.findElements(By.tagName("script"))).hasSize(3);
    }

    @Test
    void thePrintLayoutHidesNavigationAndKeepsTheCharts() {
        open("sagsoverblik");
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('link[rel=stylesheet]').forEach(l => l.media = 'all');");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.cssSelector("header nav")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector(".chart-forest")).isDisplayed()).isTrue();
            driver.manage().window().setSize(new Dimension(794, 1123));
            assertThat(driver.findElement(By.cssSelector(".chart-forest svg")).isDisplayed()).isTrue();
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
            driver.manage().window().setSize(new Dimension(1366, 900));
        }
    }
}
