package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.spobridge.routes.store.SyncRuns;

/** The records pages in a real headless Chromium: a dead letter replayed, a held run approved after its removals, rejections by cause. */
class ConsoleRecordsBrowserTest extends HubIntegrationTest {

    private HeadlessBrowser browser;

    @BeforeEach
    void signIn() {
        browser = new HeadlessBrowser(baseUrl()).signIn("tester", "test-password");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void one_dead_letter_is_replayed_from_its_row() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        epos.faults().failAlways(503);
        contingent.putStudent(OGRN, SourceData.student("stu-9101", s -> s.getGuardian().clear()));
        contingent.putStudent(OGRN, SourceData.student("stu-9102", s -> s.getGuardian().clear()));
        assertThat(syncAndWait(false).deadLetters()).isEqualTo(2);
        epos.faults().clear();

        browser.open("/dead-letters.html");
        List<WebElement> rows = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#open tbody tr button.replay"));
            return found.size() == 2 ? found : null;
        });
        assertThat(browser.driver().findElement(By.id("counts")).getText()).contains("Ждут решения: 2");
        assertThat(browser.driver().findElement(By.id("open")).getText()).contains("stu-9101", "П********а Д. И.").doesNotContain("Проверкина");
        browser.screenshot("dead-letters");
        browser.driver().findElement(By.cssSelector("#open tbody tr button.reveal")).click();
        browser.await(d -> d.findElement(By.id("ask-text"))).sendKeys("сверка с личным делом по заявке 42");
        browser.driver().findElement(By.id("ask-ok")).click();
        WebElement revealed = browser.await(d -> d.findElements(By.id("revealed")).stream().findFirst().orElse(null));
        assertThat(revealed.getText()).contains("Проверкина");
        browser.screenshot("reveal");
        browser.driver().findElement(By.cssSelector("dialog.reveal button")).click();
        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'REVEAL'", String.class))
                .containsExactly("причина: сверка с личным делом по заявке 42");
        WebElement firstRow = rows.get(0).findElement(By.xpath("./ancestor::tr"));
        assertThat(firstRow.getText()).contains("stu-9101");
        rows.get(0).click();

        browser.await(d -> d.findElement(By.id("spo-notice")).getText().contains("отправлена повторно") ? true : null);
        assertThat(firstRow.getText()).as("the row says a replay run was started").contains("повтор: запуск №");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> epos.students(COLLEGE).containsKey("stu-9101"));
        assertThat(epos.students(COLLEGE)).doesNotContainKey("stu-9102");
        browser.driver().navigate().refresh();
        browser.await(d -> d.findElements(By.cssSelector("#open tbody button.replay")).size() == 1 ? true : null);
        assertThat(browser.driver().findElement(By.id("open")).getText()).contains("stu-9102").doesNotContain("stu-9101");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE action NOT IN ('SIGN_IN', 'REVEAL')", String.class))
                .containsExactly("DEAD_LETTER_REPLAY");
    }

    @Test
    void a_held_run_is_approved_after_its_removals_were_looked_at() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 100; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-9%03d".formatted(i), s -> s.getGuardian().clear()));
        }
        syncAndWait(false);
        for (int i = 1; i <= 11; i++) {
            contingent.addMovement(OGRN, SourceData.movement("mov-9%03d".formatted(i), "stu-9%03d".formatted(i), "expulsion", "2026-01-20", null));
        }
        Long runId = commands.runContingent(COLLEGE, false, "test");
        assertThat(runs.get(runId).orElseThrow().status()).isEqualTo(SyncRuns.HELD);

        browser.open("/held.html");
        WebElement card = browser.await(d -> d.findElements(By.id("held-" + runId)).stream().findFirst().orElse(null));
        WebElement approve = card.findElement(By.cssSelector("button.approve"));
        assertThat(approve.isEnabled()).as("approval waits until the removals were shown").isFalse();
        card.findElement(By.cssSelector("button.show-changes")).click();
        List<WebElement> removals = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#changes-" + runId + " tbody tr.removes"));
            return found.size() == 11 ? found : null;
        });
        assertThat(removals.get(0).getText()).contains("stu-9001", "отчислить", "П********а Д. И.");
        assertThat(removals.get(0).findElement(By.cssSelector("td.action")).getCssValue("color")).as("removals in red").isEqualTo("rgba(207, 34, 46, 1)");
        browser.screenshot("held");
        assertThat(approve.isEnabled()).isTrue();
        approve.click();
        browser.driver().switchTo().alert().accept();

        browser.await(d -> d.findElement(By.id("spo-notice")).getText().contains("одобрен") ? true : null);
        assertThat(awaitRun(runId).status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.studentStatus(COLLEGE, "stu-9001")).isEqualTo("expelled");
        browser.await(d -> d.findElement(By.id("held")).getText().contains("Задержанных запусков нет") ? true : null);
    }

    @Test
    void rejected_records_are_grouped_by_cause_and_a_cause_opens_its_examples() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-920" + i, s -> s.setBirthDate("14.03.2008")));
        }
        contingent.putStudent(OGRN, SourceData.student("stu-9301", s -> s.setSnils("123")));
        syncAndWait(false);

        browser.open("/rejected.html");
        List<WebElement> causes = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#causes tbody tr.cause-row"));
            return found.size() == 2 ? found : null;
        });
        assertThat(causes.get(0).getText()).contains("3");
        causes.get(0).click();
        WebElement examples = browser.await(d -> d.findElements(By.cssSelector("#causes tr.examples li")).size() == 3
                ? d.findElement(By.cssSelector("#causes tr.examples")) : null);
        assertThat(examples.getText()).contains("stu-9201", "П********а Д. И.").doesNotContain("Проверкина");
        browser.await(d -> d.findElements(By.cssSelector("#rejected tbody tr")).size() == 4 ? true : null);
        browser.screenshot("rejected");

        causes.get(1).findElement(By.cssSelector("button")).click();
        browser.await(d -> d.findElements(By.cssSelector("#rejected tbody tr")).size() == 1 ? true : null);
        assertThat(browser.driver().findElement(By.cssSelector("#exports a")).getDomAttribute("href")).contains("code=");

        Object exported = browser.script("return fetch(document.querySelector('#exports a').href).then(r => r.status)");
        assertThat(exported).isEqualTo(200L);
        browser.open("/reports.html");
        browser.await(d -> d.findElement(By.cssSelector("#sla tbody")).getText().isEmpty() ? null : true);
        browser.screenshot("reports");
        browser.open("/audit.html");
        browser.await(d -> d.findElement(By.cssSelector("#audit tbody")).getText().isEmpty() ? null : true);
        browser.screenshot("audit");
    }

    @Test
    void a_file_uploaded_on_the_reports_page_answers_with_its_run_or_the_reason_in_russian() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("upload");
        java.nio.file.Path reference = java.nio.file.Files.writeString(dir.resolve("справочники.csv"),
                "kind;code;name;attributes\nbuilding;1;Главный корпус;\n", java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path empty = java.nio.file.Files.createFile(dir.resolve("пустой.csv"));

        browser.open("/reports.html?college=" + COLLEGE);
        browser.await(d -> d.findElements(By.cssSelector("#college option")).isEmpty() ? null : true);
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("kind"))).selectByValue("reference");
        browser.driver().findElement(By.id("file")).sendKeys(empty.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#upload button[type=submit]")).click();
        assertThat(browser.await(d -> d.findElements(By.id("upload-error")).stream().findFirst().orElse(null)).getText())
                .startsWith("Файл не принят: Файл пустой");

        browser.driver().findElement(By.id("file")).sendKeys(reference.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#upload button[type=submit]")).click();
        WebElement run = browser.await(d -> d.findElements(By.id("upload-run")).stream().findFirst().orElse(null));
        long runId = Long.parseLong(run.getDomAttribute("href").replace("/run.html?id=", ""));
        assertThat(awaitRun(runId).flow()).isEqualTo("reference");
        assertThat(epos.reference(COLLEGE)).containsKey("building:1");
    }
}
