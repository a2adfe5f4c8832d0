package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The archives page in a real headless Chromium: an archive opened, a JSON Lines file read as a table after a stated reason. */
class ArchivesBrowserTest extends HubIntegrationTest {

    private HeadlessBrowser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_administrator_opens_an_archive_and_reads_a_file_as_a_table() throws Exception {
        HttpResponse<String> built = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/archives"))
                .header("Authorization", TESTER).header("Content-Type", "application/json").header("X-Requested-With", "test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"college\":\"" + COLLEGE + "\",\"kind\":\"MONTHLY\",\"period\":\"2025-07\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(built.statusCode()).as(built.body()).isEqualTo(201);
        browser = new HeadlessBrowser(baseUrl()).signIn("tester", "test-password");

        browser.open("/archives.html?college=" + COLLEGE);
        assertThat(browser.await(d -> d.findElements(By.cssSelector("header.top nav a[href='/archives.html']")).stream().findFirst().orElse(null))
                .getText()).isEqualTo("Архивы");
        WebElement row = browser.await(d -> d.findElements(By.cssSelector("#archives tbody tr")).stream()
                .filter(tr -> tr.getText().contains(COLLEGE + "/monthly-2025-07")).findFirst().orElse(null));
        assertThat(row.getText()).contains("готов", "local");
        row.findElement(By.cssSelector("button.open")).click();
        List<WebElement> files = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#files tbody tr"));
            return found.size() == 3 ? found : null;
        });
        files.stream().filter(tr -> tr.getText().contains("marks.jsonl")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button.show")).click();
        browser.await(d -> d.findElement(By.id("ask-text"))).sendKeys("проверка журнала за июль");
        browser.driver().findElement(By.id("ask-ok")).click();
        List<WebElement> rows = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#view tbody tr"));
            return found.size() == 3 ? found : null;
        });
        assertThat(rows.get(2).getText()).contains("S-3", "Физика", "3");
        assertThat(browser.driver().findElement(By.cssSelector("#view thead")).getText()).contains("student", "discipline", "mark");
        browser.screenshot("archives");

        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'ARCHIVE_VIEW' AND subject = ?", String.class,
                COLLEGE + "/monthly-2025-07/marks.jsonl")).containsExactly("причина: проверка журнала за июль; копия «local»; страница 1");
    }
}
