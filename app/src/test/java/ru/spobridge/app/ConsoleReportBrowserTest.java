package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.spobridge.routes.store.SyncRuns;

/** The operator console in a real headless Chromium: a run's import report on screen, sections failing on their own. */
class ConsoleReportBrowserTest extends HubIntegrationTest {

    private static final Map<String, String> STATUSES = Map.of("COMPLETED", "завершён",
            "COMPLETED_WITH_ERRORS", "завершён с ошибками", "FILE_REFUSED", "файл отклонён");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // a closed network: no background connections for Chromium to wait on
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1300", "--lang=ru-RU", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_report_of_a_run_shows_source_counts_figures_and_rejections_by_cause_with_examples() throws IOException {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 4; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-610" + i, s -> s.setBirthDate("14.03.2008")));
        }
        contingent.putStudent(OGRN, SourceData.student("stu-6106", s -> { }));
        SyncRuns.Run run = syncAndWait(false);
        assertThat(run.rejected()).isEqualTo(4);

        browser.get(baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement reportButton = wait.until(driver -> driver.findElements(By.cssSelector("#runs button.report")).stream()
                .filter(b -> String.valueOf(run.id()).equals(b.getDomAttribute("data-run"))).findFirst().orElse(null));
        WebElement row = reportButton.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.getText()).contains("Контингент", "№ " + run.id());

        reportButton.click();
        WebElement report = browser.findElement(By.id("report"));
        wait.until(driver -> report.getText().contains("Отклонённые записи по причинам"));
        String text = report.getText();

        assertThat(browser.findElement(By.id("report-title")).getText())
                .isEqualTo("Отчёт о запуске № " + run.id() + " — Контингент, колледж " + COLLEGE);
        assertThat(text).contains("Состояние: " + STATUSES.get(run.status()));
        assertThat(text).contains("Прочитано: групп 1, обучающихся 5, приказов 0");
        assertThat(text).contains("отклонено при проверке 4", "доставлено " + run.delivered());
        assertThat(text).contains("Закрыто прежних отклонений: 0");
        assertThat(text).contains("4 записи — обучающийся birthDate/INVALID_DATE");
        List<WebElement> examples = report.findElements(By.cssSelector("ul li"));
        assertThat(examples).as("at most three examples per cause").hasSize(3);
        assertThat(examples.get(0).getText()).startsWith("stu-610").matches("stu-610[1-4] — .+ — .+");
        assertThat(text).as("names are masked").doesNotContain("Проверкина", "Дарья");

        Path shot = Path.of("target", "console-report.png");
        Files.createDirectories(shot.getParent());
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(shot, Path.of("/tmp/console-report.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isPositive();
    }

    @Test
    void a_refused_file_shows_its_reason_and_values_from_files_are_never_read_as_html() {
        browser.get(baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> driver.findElement(By.id("updated")).getText().startsWith("Обновлено:"));
        // a report shaped like GET /api/runs/{id}/report of a refused aSc file, with markup in the values
        ((JavascriptExecutor) browser).executeScript("""
                reportRun = 77;
                document.getElementById('report-section').hidden = false;
                renderReport({ run: { id: 77, collegeId: 'test-college', flow: 'schedule', trigger: 'upload', status: 'FILE_REFUSED',
                    startedAt: '2026-11-29T10:00:00Z', finishedAt: '2026-11-29T10:00:01Z', read: 0, unchanged: 0, changed: 0, rejected: 0, published: 0, delivered: 0,
                    targetRejected: 0, deadLetters: 0, error: 'Файл не разобран: <b id="injected">XML</b>' },
                  sourceCounts: {}, refusedFiles: 1, closedRejections: 2, rejectedRecords: 1,
                  causes: [{ entityType: 'file', field: 'file', code: 'BAD_FORMAT', records: 1,
                    examples: [{ entityKey: '<img src=x id="injected2">', maskedLabel: null, message: 'не XML' }] }] });
                """);

        String text = browser.findElement(By.id("report")).getText();
        assertThat(browser.findElement(By.id("report-title")).getText()).isEqualTo("Отчёт о запуске № 77 — Расписание, колледж test-college");
        assertThat(text).contains("Состояние: файл отклонён", "Причина отклонения файла: Файл не разобран: <b id=\"injected\">XML</b>",
                "Отклонено файлов: 1", "Закрыто прежних отклонений: 2", "1 запись — файл file/BAD_FORMAT", "<img src=x id=\"injected2\"> — — — не XML");
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
        assertThat(browser.findElements(By.id("injected2"))).isEmpty();
    }

    @Test
    void one_failing_endpoint_leaves_the_other_sections_and_shows_a_russian_error_line() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-6201", s -> { }));
        SyncRuns.Run run = syncAndWait(false);

        browser.get(baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(driver -> !driver.findElements(By.cssSelector("#runs button.report")).isEmpty());
        // the audit endpoint answers 500 from now on; everything else goes through
        ((JavascriptExecutor) browser).executeScript("""
                const real = window.fetch;
                window.fetch = (url, init) => String(url).startsWith('/api/audit')
                  ? Promise.resolve(new Response('{}', { status: 500 })) : real(url, init);
                document.getElementById('runs').querySelector('tbody').replaceChildren();
                window.__refreshed = false;
                refresh().then(() => { window.__refreshed = true; });
                """);
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.__refreshed")));

        assertThat(browser.findElement(By.cssSelector("#audit tbody")).getText())
                .isEqualTo("Не удалось загрузить: хаб ответил ошибкой 500");
        assertThat(browser.findElement(By.cssSelector("#runs tbody")).getText()).contains("№ " + run.id(), "Контингент");
        assertThat(browser.findElement(By.id("updated")).getText()).startsWith("Обновлено:");
    }
}
