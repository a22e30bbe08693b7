package com.guitarstudio.lessons;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from Debian's packages (chromium and chromium-driver), given both paths
 * explicitly: left alone, Selenium would try to download a driver. In CI ({@code CI=true}) a missing
 * browser fails the test; elsewhere the test is skipped with the packages named. Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The tallest full-page screenshot taken: longer pages are cut there. */
    private static final int MAX_PAGE_HEIGHT = 8_000;

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final int port;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, int port) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.port = port;
    }

    /** A browser with JavaScript on, as most admins use it. */
    public static Browser start(int port) {
        return start(port, true);
    }

    /**
     * A browser for the service on {@code port}; {@code javascript} false turns scripts off in every
     * page (the pages must work without them). English (US) so that date inputs read month/day/year.
     */
    public static Browser start(int port, boolean javascript) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver); .ci/run installs them");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed here (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Files.createDirectories(SCREENSHOTS);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    "--hide-scrollbars",
                    "--lang=en-US",
                    "--user-data-dir=" + profile);
            if (!javascript) {
                options.setExperimentalOption(
                        "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1280, 1000));
            return new Browser(driver, service, profile, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Signs in through the login form and waits for the admin page. */
    public void signIn(String email, String password) {
        open("/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/admin/background-jobs"));
    }

    /** The window's width and height in CSS pixels. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** What the window shows now, as {@code target/screenshots/<name>}. */
    public Path screenshot(String name) {
        Path target = SCREENSHOTS.resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * The whole page, however long (up to {@value #MAX_PAGE_HEIGHT} px), as {@code
     * target/screenshots/<name>}: Chromium's own full-page capture, which draws beyond the window.
     */
    public Path fullPage(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), MAX_PAGE_HEIGHT);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path target = SCREENSHOTS.resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Scripts' helpers: the colour behind an element (its first ancestor with one), and WCAG's contrast ratio. */
    public static final String COLOURS = """
            const behind = element => {
              for (let e = element; e; e = e.parentElement) {
                const colour = getComputedStyle(e).backgroundColor;
                if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
              }
              return 'rgb(255, 255, 255)';
            };
            const luminance = colour => {
              const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(Number).map(c => c / 255)
                  .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const contrast = (a, b) => {
              const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
              return (light + 0.05) / (dark + 0.05);
            };
            """;

    /**
     * The buttons of the page that a person cannot see, described: every {@code button} and submit
     * input outside a closed {@code details} or a hidden element must have a size, be visible and
     * opaque, and have text that stands out from its background at least 3:1 (WCAG's ratio for
     * controls). Empty when all can be seen.
     */
    @SuppressWarnings("unchecked")
    public List<String> invisibleButtons() {
        return (List<String>) driver.executeScript(COLOURS + """
                return Array.from(document.querySelectorAll('button, input[type=submit]'))
                  .filter(e => !e.closest('details:not([open]) > :not(summary), [hidden]'))
                  .flatMap(e => {
                    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                    const text = contrast(s.color, behind(e));
                    const what = (e.id ? '#' + e.id : e.outerHTML.slice(0, 80)) + ' "' + e.innerText.trim().slice(0, 40) + '"';
                    if (r.width < 8 || r.height < 8) return [what + ': ' + r.width + 'x' + r.height + ' px'];
                    if (s.visibility !== 'visible' || s.display === 'none' || Number(s.opacity) < 0.5) return [what + ': not shown'];
                    if (text < 3) return [what + ': text contrast ' + text.toFixed(2)];
                    return [];
                  });
                """);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
