package it.io.factoryops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.factoryops.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class (started once: a browser costs about a second), driving the console
 * of the integration server, with the waits and the sign-in the tests share. Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("project.basedir", "."), "target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    /** Where the browser saves downloads (a fresh directory per browser): {@link #awaitDownload}. */
    final Path downloads;

    private final java.util.Set<Path> downloadsSeen = new java.util.HashSet<>();
    /** The server whose console it drives: the integration server, or a node of the cluster tests. */
    private final String base;

    Browser() throws IOException {
        this(Api.BASE);
    }

    public Browser(String base) throws IOException {
        this.base = base;
        profile = Files.createTempDirectory("factory-ops-chromium");
        downloads = Files.createTempDirectory("factory-ops-downloads");
        ChromeOptions options = new ChromeOptions();
        // downloads land in their directory without a prompt (headless Chromium refuses them otherwise)
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "download.directory_upgrade",
                        true,
                        "safebrowsing.enabled",
                        false));
        options.setBinary(Chromium.BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // screens are re-rendered whole
        // a timeout says what the screen showed instead
        wait.withMessage(() -> "the page at " + driver.getCurrentUrl() + " showed: " + shown());
    }

    private String shown() {
        try {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement await(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element shows exactly this text. */
    public WebElement awaitText(String css, String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits until the screen's heading is this text (a screen has loaded). */
    public void awaitHeading(String text) {
        wait.until(d -> {
            List<WebElement> h = d.findElements(By.cssSelector("main h1"));
            return !h.isEmpty() && h.get(0).getText().startsWith(text);
        });
        wait.until(d -> d.findElements(By.cssSelector("main[aria-busy], .screen[aria-busy]"))
                .isEmpty());
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public void type(String css, String text) {
        WebElement input = await(css);
        input.clear();
        input.sendKeys(text);
    }

    /** Types into a picker's search box and chooses the option whose text contains {@code contains}. */
    void pick(String selectName, String search, String contains) {
        WebElement select = await("select[name='" + selectName + "']");
        WebElement box =
                select.findElement(By.xpath("ancestor::div[contains(@class,'picker')]//input[@type='search']"));
        box.clear();
        box.sendKeys(search);
        // the options are replaced when the search answers (the select then names its query in data-q)
        wait.until(d -> search.equals(select.getAttribute("data-q")));
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            Select list = new Select(d.findElement(By.cssSelector("select[name='" + selectName + "']")));
            WebElement option = list.getOptions().stream()
                    .filter(o -> o.getText().contains(contains))
                    .findFirst()
                    .orElse(null);
            if (option == null) {
                return false;
            }
            option.click();
            return list.getFirstSelectedOption().getText().contains(contains);
        });
    }

    /** Clicks the button that shows exactly this text (no quote in it). */
    public void clickButton(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='" + text + "']")))
                .click();
    }

    /** Waits until a table cell shows exactly this text (no quote in it). */
    public void awaitCell(String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[normalize-space()='" + text + "']")));
    }

    public void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Signs in through the form (ending any session of this browser first); waits for the shell. */
    public void signIn(String login, String password) {
        signOutHere();
        open("/");
        type("input[name=username]", login);
        type("input[name=password]", password);
        click("form.login button[type=submit]");
        await("#logout");
    }

    /** Forgets this tab's session on a page that runs no script (so no refresh in flight can store a new token). */
    void signOutHere() {
        open("/css/console.css");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * axe-core (WCAG 2.1 A and AA rules) on the page as it is now: one line naming each violation with its
     * impact in capitals ("SERIOUS color-contrast (2, td.x)"), or "no violation".
     */
    @SuppressWarnings("unchecked")
    public String accessibility(String screen) {
        script(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
                        target: v.nodes[0].target.join(' ') }))))
                  .catch(e => done('axe failed: ' + e));""");
        assertTrue(result instanceof List, () -> String.valueOf(result));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        StringBuilder line = new StringBuilder(screen).append(": ");
        if (violations.isEmpty()) {
            line.append("no violation; ");
        }
        for (Map<String, Object> v : violations) {
            line.append(String.valueOf(v.get("impact")).toUpperCase())
                    .append(' ')
                    .append(v.get("id"))
                    .append(" (")
                    .append(v.get("nodes"))
                    .append(", ")
                    .append(v.get("target"))
                    .append("); ");
        }
        return line.toString();
    }

    /**
     * A screen a test visits: its screenshot under {@code target/screenshots/<name>.png}, and axe-core finds no
     * serious or critical violation on it (the report is printed).
     */
    public void assertAccessible(String name) {
        try {
            screenshot(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String report = accessibility(name);
        System.out.println("axe-core: " + report);
        assertFalse(report.contains("SERIOUS") || report.contains("CRITICAL"), report);
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    /** What the page logged since the last call (CSP violations and script errors show up here). */
    List<LogEntry> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /**
     * The next download whose file name ends with {@code suffix} (".csv"), once Chromium has written it whole (no
     * {@code .crdownload} left): a file this browser saved and this method did not return before.
     */
    public Path awaitDownload(String suffix) {
        WebDriverWait saved = new WebDriverWait(driver, Duration.ofSeconds(30));
        saved.withMessage(() -> "no download ending " + suffix + " in " + list(downloads));
        return saved.until(d -> {
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
                    return null;
                }
                Path file = all.stream()
                        .filter(f -> f.getFileName().toString().endsWith(suffix))
                        .filter(f -> !downloadsSeen.contains(f))
                        .findFirst()
                        .orElse(null);
                if (file != null && Files.size(file) > 0) {
                    downloadsSeen.add(file);
                    return file;
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String list(Path dir) {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public void assertPath(String path) {
        wait.until(d -> d.getCurrentUrl().equals(base + path));
        assertEquals(base + path, driver.getCurrentUrl());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        for (Path dir : List.of(profile, downloads)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
