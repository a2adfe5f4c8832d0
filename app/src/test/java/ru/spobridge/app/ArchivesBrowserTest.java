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
        archiveJournalOfDecember();
        HttpResponse<String> built = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/archives"))
                .header("Authorization", TESTER).header("Content-Type", "application/json").header("X-Requested-With", "test")
                .POST(HttpRequest.BodyPublishers.ofString("{\"college\":\"" + COLLEGE + "\",\"kind\":\"MONTHLY\",\"period\":\"2026-12\",\"group\":\"ИСП-21\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(built.statusCode()).as(built.body()).isEqualTo(201);
        String key = new com.fasterxml.jackson.databind.ObjectMapper().readTree(built.body()).path("key").asText();
        browser = new HeadlessBrowser(baseUrl()).signIn("tester", "test-password");

        browser.open("/archives.html?college=" + COLLEGE);
        assertThat(browser.await(d -> d.findElements(By.cssSelector("header.top nav a[href='/archives.html']")).stream().findFirst().orElse(null))
                .getText()).isEqualTo("Архивы");
        WebElement row = browser.await(d -> d.findElements(By.cssSelector("#archives tbody tr")).stream()
                .filter(tr -> tr.getText().contains(key)).findFirst().orElse(null));
        assertThat(row.getText()).contains("готов", "local");
        row.findElement(By.cssSelector("button.open")).click();
        List<WebElement> files = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#files tbody tr"));
            return found.size() == 6 ? found : null;
        });
        files.stream().filter(tr -> tr.getText().contains("marks.csv")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button.show")).click();
        browser.await(d -> d.findElement(By.id("ask-text"))).sendKeys("проверка журнала за декабрь");
        browser.driver().findElement(By.id("ask-ok")).click();
        List<WebElement> rows = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#view tbody tr"));
            return found.size() == 2 ? found : null;
        });
        assertThat(rows.stream().map(WebElement::getText).toList()).anySatisfy(text -> assertThat(text).contains("Проверкина Дарья Игоревна", "зач"));
        assertThat(browser.driver().findElement(By.cssSelector("#view thead")).getText()).contains("Дата", "Группа", "Дисциплина");
        browser.screenshot("archives");

        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'ARCHIVE_VIEW' AND subject = ?", String.class,
                key + "/marks.csv")).containsExactly("причина: проверка журнала за декабрь; копия «local»; страница 1");
    }
}
