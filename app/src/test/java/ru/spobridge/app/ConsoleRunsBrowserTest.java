package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import ru.spobridge.routes.store.SyncRuns;

/** The console's overview, run history, run and college pages in a real headless Chromium, signed in. */
class ConsoleRunsBrowserTest extends HubIntegrationTest {

    private HeadlessBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new HeadlessBrowser(baseUrl()).signIn("tester", "test-password");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void overview_leads_to_the_run_with_its_masked_rejections_charts_have_data_and_a_running_run_counts_live() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9101", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-9102", s -> s.setBirthDate("14.03.2008")));
        SyncRuns.Run run = syncAndWait(false);

        browser.open("/index.html");
        By cell = By.cssSelector("#matrix td.flow-cell[data-college='" + COLLEGE + "'][data-flow='contingent']");
        WebElement contingentCell = browser.await(d -> d.findElements(cell).stream().findFirst().orElse(null));
        assertThat(contingentCell.getText()).contains("№ " + run.id() + " — завершён", "доставлено " + run.delivered() + ", отклонено 1",
                "недоставлено 0", "изменения источника: 0 мин назад");
        assertThat(contingentCell.getDomAttribute("class")).contains("cell-warn");
        assertThat(browser.driver().findElement(By.cssSelector("#matrix td.flow-cell[data-college='" + COLLEGE + "'][data-flow='schedule']"))
                .getText()).contains("запусков не было");
        browser.await(d -> Boolean.TRUE.equals(browser.script("return window.SPO_CHARTS_READY === true")));
        assertThat(((Number) browser.script("return SPO_CHARTS['chart-deliveries'].data.datasets[0].data.reduce((a, b) => a + b, 0)")).intValue())
                .as("delivered records on the chart").isEqualTo(run.delivered());
        assertThat(((Number) browser.script("return SPO_CHARTS['chart-deliveries'].data.datasets[1].data.at(-1)")).intValue()).isEqualTo(1);
        assertThat(((Number) browser.script("return SPO_CHARTS['chart-dead'].data.labels.length")).intValue()).isEqualTo(30);
        browser.screenshot("overview");

        browser.driver().findElement(cell).click();
        browser.await(d -> d.getCurrentUrl().endsWith("/run.html?id=" + run.id()));
        WebElement rejected = browser.await(d -> d.findElement(By.cssSelector("#rejected tbody")).getText().contains("stu-9102")
                ? d.findElement(By.cssSelector("#rejected tbody")) : null);
        assertThat(rejected.getText()).contains("обучающийся stu-9102", "проверка при приёме", "birthDate", "INVALID_DATE")
                .doesNotContain("Проверкина", "Дарья");
        assertThat(browser.driver().findElement(By.id("count-delivered")).getText()).isEqualTo(String.valueOf(run.delivered()));
        assertThat(browser.driver().findElement(By.id("count-created")).getText()).isEqualTo(String.valueOf(run.created()));
        assertThat(browser.driver().findElement(By.id("report")).getText()).contains("1 запись — обучающийся birthDate/INVALID_DATE");
        browser.screenshot("run");

        // a larger run against a slow platform: the page follows it over server-sent events
        for (int i = 1; i <= 120; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-92%03d".formatted(i), s -> { }));
        }
        epos.faults().latency(Duration.ofMillis(1500));
        try {
            Long runId = commands.runContingent(COLLEGE, false, "test");
            browser.open("/run.html?id=" + runId);
            String before = browser.await(d -> Boolean.TRUE.equals(browser.script("return (window.SPO_EVENTS || 0) >= 1"))
                    ? d.findElement(By.id("count-delivered")).getText() : null);
            browser.await(d -> Boolean.TRUE.equals(browser.script("return window.SPO_EVENTS >= 2"))
                    && !d.findElement(By.id("count-delivered")).getText().equals(before));
            browser.await(d -> d.findElement(By.id("live")).getText().contains("Запуск завершён"));
            SyncRuns.Run finished = runs.get(runId).orElseThrow();
            assertThat(browser.driver().findElement(By.id("count-delivered")).getText().replace("\u00a0", ""))
                    .isEqualTo(String.valueOf(finished.delivered()));
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("завершён");
        } finally {
            epos.faults().latency(Duration.ZERO);
        }
    }

    @Test
    void run_history_filters_by_flow_and_pages() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9301", s -> { }));
        SyncRuns.Run contingentRun = syncAndWait(false);
        for (int i = 0; i < 25; i++) {
            runs.skipped(COLLEGE, "staff", "schedule", "PAUSED: проверка истории");
        }

        browser.open("/runs.html");
        WebDriver page = browser.driver();
        browser.await(d -> d.findElement(By.id("pager")).getText().contains("всего 26"));
        new Select(page.findElement(By.id("f-flow"))).selectByValue("contingent");
        page.findElement(By.id("apply")).click();
        browser.await(d -> d.findElement(By.id("pager")).getText().contains("всего 1"));
        assertThat(page.findElement(By.cssSelector("#runs tbody")).getText()).contains("№ " + contingentRun.id(), "Контингент", "завершён");

        new Select(page.findElement(By.id("f-flow"))).selectByValue("staff");
        new Select(page.findElement(By.id("f-size"))).selectByValue("20");
        page.findElement(By.id("apply")).click();
        browser.await(d -> d.findElement(By.id("pager")).getText().contains("страница 1 из 2 (всего 25)"));
        assertThat(page.findElements(By.cssSelector("#runs tbody tr"))).hasSize(20);
        assertThat(page.getCurrentUrl()).contains("flow=staff", "size=20", "page=0");
        browser.screenshot("runs");
        List<WebElement> buttons = page.findElements(By.cssSelector("#pager button"));
        buttons.get(1).click();
        browser.await(d -> d.findElement(By.id("pager")).getText().contains("страница 2 из 2"));
        assertThat(page.findElements(By.cssSelector("#runs tbody tr"))).hasSize(5);
        assertThat(page.findElement(By.cssSelector("#runs tbody")).getText()).contains("Кадры", "пропущен").doesNotContain("Контингент");
    }

    @Test
    void college_page_shows_its_flows_and_a_refused_code_table_row_names_the_field() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9401", s -> { }));
        SyncRuns.Run run = syncAndWait(false);

        browser.open("/college.html?id=" + COLLEGE);
        WebDriver page = browser.driver();
        browser.await(d -> d.findElement(By.cssSelector("#flows tbody")).getText().contains("№ " + run.id()));
        assertThat(page.findElements(By.cssSelector("#flows button.run-flow"))).extracting(b -> b.getDomAttribute("data-flow"))
                .contains("contingent", "staff", "marks");
        browser.await(d -> d.findElements(By.cssSelector("#code-table option")).size() > 1);
        new Select(page.findElement(By.id("code-table"))).selectByValue("asc.groups");
        page.findElement(By.id("code-source")).sendKeys("ИСП21");
        page.findElement(By.id("code-value")).sendKeys("НЕТ-ТАКОЙ");
        page.findElement(By.id("code-reason")).sendKeys("проверка");
        page.findElement(By.id("code-save")).click();
        WebElement error = browser.await(d -> d.findElement(By.id("error-value")).getText().isEmpty() ? null : d.findElement(By.id("error-value")));
        assertThat(error.getText()).contains("НЕТ-ТАКОЙ", "не найден");
        assertThat(page.findElement(By.id("code-answer")).getText()).isEqualTo("Таблица кодов не изменена");
        assertThat(page.findElement(By.id("error-sourceCode")).getText()).isEmpty();
        browser.await(d -> d.findElement(By.id("settings")).getText().contains("ОГРН: " + OGRN));
        page.findElement(By.id("connection-test")).click();
        WebElement checks = browser.await(d -> d.findElement(By.cssSelector("#checks tbody")).getText().contains("связь есть")
                ? d.findElement(By.cssSelector("#checks tbody")) : null);
        assertThat(checks.findElements(By.tagName("tr"))).as("one row per source and platform").hasSizeGreaterThan(1);
        browser.screenshot("college");
    }
}
