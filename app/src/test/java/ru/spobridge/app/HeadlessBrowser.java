package ru.spobridge.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium driven by Selenium for the console's browser tests: sign-in, waits, screenshots under target/. */
public final class HeadlessBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String baseUrl;

    public HeadlessBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // a closed network: no background connections for Chromium to wait on
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1300", "--lang=ru-RU", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public HeadlessBrowser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the login page and waits until the console answers. */
    public HeadlessBrowser signIn(String user, String password) {
        open("/login.html");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the CSRF token is put into the form once the page has fetched it
        wait.until(d -> !d.findElement(By.id("csrf")).getDomProperty("value").isEmpty());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error")
                || d.getCurrentUrl().contains("locked") || d.getCurrentUrl().contains("disabled"));
        return this;
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the page as target/screenshots/{name}.png (the top of the page). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve(name + ".png");
            script("window.scrollTo(0, 0)");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            return shot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
