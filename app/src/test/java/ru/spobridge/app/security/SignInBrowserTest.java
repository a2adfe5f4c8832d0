package ru.spobridge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import ru.spobridge.app.HeadlessBrowser;
import ru.spobridge.app.HubIntegrationTest;

/**
 * Sign-in in a real headless Chromium: the sign-in page, a wrong password, the administrator creating users on the
 * users page, an observer refused an action, a college-scoped user who cannot see another college (page and API).
 */
class SignInBrowserTest extends HubIntegrationTest {

    @Test
    void an_administrator_signs_in_and_creates_an_observer_who_is_refused_an_action() throws Exception {
        try (HeadlessBrowser browser = new HeadlessBrowser(baseUrl())) {
            browser.open("/index.html");
            assertThat(browser.driver().getCurrentUrl()).as("a page without a session leads to the sign-in page").endsWith("/login.html");
            browser.screenshot("login");
            browser.signIn("tester", "wrong-password");
            assertThat(browser.driver().findElement(By.id("login-error")).getText()).isEqualTo("Неверное имя пользователя или пароль.");

            browser.signIn("tester", "test-password");
            assertThat(browser.driver().getCurrentUrl()).contains("/index.html");

            browser.open("/admin.html");
            browser.await(d -> d.findElement(By.id("who")).getText().startsWith("tester — администратор"));
            browser.await(d -> d.findElement(By.cssSelector("#users tbody")).getText().contains("tester"));
            browser.driver().findElement(By.id("new-username")).sendKeys("nablyudatel");
            browser.driver().findElement(By.id("new-display")).sendKeys("Наблюдатель министерства");
            new Select(browser.driver().findElement(By.id("new-role"))).selectByValue("OBSERVER");
            new Select(browser.driver().findElement(By.id("new-scope-kind"))).selectByValue("ALL");
            browser.driver().findElement(By.id("new-password")).sendKeys("observer-password-1");
            browser.driver().findElement(By.id("create-user")).click();
            browser.await(d -> d.findElement(By.cssSelector("#users tbody")).getText().contains("nablyudatel"));
            assertThat(browser.driver().findElement(By.cssSelector("#users tbody")).getText()).contains("наблюдатель", "весь узел");

            browser.driver().findElement(By.id("token-name")).sendKeys("Prometheus");
            new Select(browser.driver().findElement(By.id("token-user"))).selectByValue("nablyudatel");
            browser.driver().findElement(By.id("issue-token")).click();
            String token = browser.await(d -> d.findElement(By.id("issued-token")).getText());
            assertThat(token).startsWith("spo_");
            new Select(browser.driver().findElement(By.id("sub-scope-kind"))).selectByValue("COLLEGE");
            new Select(browser.driver().findElement(By.id("sub-scope-id"))).selectByValue("test-college");
            browser.driver().findElement(By.id("sub-role")).sendKeys("ИТ-специалист колледжа");
            browser.driver().findElement(By.id("sub-address")).sendKeys("it@college.example");
            browser.driver().findElement(By.cssSelector(".sub-kind[value='HELD_RUN']")).click();
            browser.driver().findElement(By.id("add-subscription")).click();
            browser.await(d -> d.findElement(By.cssSelector("#subscriptions tbody")).getText().contains("it@college.example"));
            assertThat(browser.driver().findElement(By.cssSelector("#subscriptions tbody")).getText())
                    .contains("колледж test-college", "ИТ-специалист колледжа", "e-mail: it@college.example", "задержанный запуск");
            browser.screenshot("admin");
            HttpResponse<String> withToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/runs/latest"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).isEqualTo(200);
        }

        try (HeadlessBrowser observer = new HeadlessBrowser(baseUrl())) {
            observer.signIn("nablyudatel", "observer-password-1");
            observer.await(d -> d.findElement(By.id("who")).getText().startsWith("nablyudatel — наблюдатель"));
            assertThat(observer.driver().findElement(By.cssSelector("header.top nav")).getText()).doesNotContain("Пользователи");
            observer.script("SPO.act(SPO.post('/api/colleges/test-college/pause?reason=observer'))");
            String notice = observer.await(d -> d.findElement(By.id("spo-notice")).getText());
            assertThat(notice).isEqualTo("Нет прав на это действие");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_pause WHERE college_id = 'test-college' AND resumed_at IS NULL",
                    Integer.class)).isZero();
            observer.screenshot("observer-refused");
            observer.open("/admin.html");
            assertThat(observer.driver().findElement(By.id("denied")).getText()).isEqualTo("Нет прав");
        }
    }

    @Test
    void a_college_scoped_user_sees_only_their_college_on_the_page_and_in_the_api() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/users"))
                .header("Authorization", TESTER).header("X-Requested-With", "test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"it-sgo-browser\",\"role\":\"OPERATOR\",\"password\":\"it-sgo-password\","
                        + "\"scopes\":[{\"kind\":\"COLLEGE\",\"id\":\"test-sgo\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        try (HeadlessBrowser browser = new HeadlessBrowser(baseUrl())) {
            browser.signIn("it-sgo-browser", "it-sgo-password");
            browser.await(d -> d.findElement(By.id("who")).getText().contains("колледжи: test-sgo"));
            Object colleges = browser.script("return SPO.api('/api/colleges').then(list => list.map(c => c.id).join(','))");
            assertThat(colleges).isEqualTo("test-sgo");
            Object refused = browser.script("return SPO.api('/api/colleges/test-college/in-flight').then(() => 'allowed', e => e.status + ' ' + e.message)");
            assertThat(refused).isEqualTo("403 Нет доступа к колледжу «test-college»");
            browser.open("/index.html");
            browser.await(d -> d.findElement(By.tagName("main")).getText().contains("test-sgo")
                    || d.findElement(By.tagName("main")).getText().contains("СГО"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain("test-college");
            browser.screenshot("scoped-overview");
        }
    }
}
