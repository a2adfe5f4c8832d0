package ru.spobridge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import ru.spobridge.app.HubIntegrationTest;

/**
 * Sign-in over real HTTP: everything but the sign-in page and health needs a user; form login keeps a session whose
 * state changes need the CSRF token; roles and college scopes decide what a user may do; wrong passwords lock the
 * account; API tokens act for their user until revoked.
 */
class SignInTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void without_credentials_the_api_answers_401_without_a_browser_prompt_and_pages_lead_to_the_sign_in_page() throws Exception {
        HttpResponse<String> api = anonymous.send(get("/api/colleges").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).as("no Basic challenge: browsers must not prompt").isEmpty();
        assertThat(api.body()).contains("Требуется вход");
        assertThat(anonymous.send(post("/api/colleges/" + COLLEGE + "/flows/contingent/runs").header("X-Requested-With", "x").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("an anonymous action is 401 too").isEqualTo(401);

        HttpResponse<String> page = anonymous.send(get("/index.html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login.html");
        assertThat(anonymous.send(get("/login.html").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(anonymous.send(get("/actuator/health").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(anonymous.send(get("/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(anonymous.send(get("/admin.html").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    @Test
    void a_form_sign_in_keeps_a_session_whose_actions_need_the_csrf_token_and_is_audited() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn("tester", "test-password")).isEqualTo("/index.html");

        JsonNode me = JSON.readTree(browser.send(get("/api/me")).body());
        assertThat(me.path("name").asText()).isEqualTo("tester");
        assertThat(me.path("role").asText()).isEqualTo("ADMIN");
        assertThat(me.path("allColleges").asBoolean()).isTrue();

        HttpResponse<String> forged = browser.send(post("/api/colleges/" + COLLEGE + "/pause?reason=test").header("X-Requested-With", "x"));
        assertThat(forged.statusCode()).as("a session's action without the CSRF token: " + forged.body()).isEqualTo(403);
        HttpResponse<String> real = browser.send(post("/api/colleges/" + COLLEGE + "/pause?reason=" + URLEncoder.encode("проверка", StandardCharsets.UTF_8))
                .header("X-Requested-With", "x").header("X-XSRF-TOKEN", browser.csrf()));
        assertThat(real.statusCode()).as(real.body()).isBetween(200, 299);
        browser.send(post("/api/colleges/" + COLLEGE + "/resume").header("X-Requested-With", "x").header("X-XSRF-TOKEN", browser.csrf()));

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'tester'", String.class)).contains("SIGN_IN");
        HttpResponse<String> out = browser.send(post("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrf())));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login.html?logout");
        assertThat(browser.send(get("/api/me")).statusCode()).as("the session ended").isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'tester'", String.class)).contains("SIGN_OUT");
    }

    @Test
    void five_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it() throws Exception {
        createUser("locky", "OBSERVER", "[{\"kind\":\"ALL\",\"id\":\"*\"}]");
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn("locky", "wrong-password-" + i)).isEqualTo("/login.html?error");
        }
        assertThat(browser.signIn("locky", "locky-password-1")).as("the right password while locked").isEqualTo("/login.html?locked");
        assertThat(basic("locky", "locky-password-1", get("/api/colleges")).statusCode()).as("Basic is locked too").isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE subject = 'locky'", String.class))
                .contains("SIGN_IN_FAILED", "ACCOUNT_LOCKED", "SIGN_IN_REFUSED");

        assertThat(basic("tester", "test-password", post("/api/admin/users/locky/unlock")).statusCode()).isEqualTo(200);
        assertThat(new Browser().signIn("locky", "locky-password-1")).isEqualTo("/index.html");
    }

    @Test
    void an_observer_reads_but_cannot_act_an_operator_acts_but_cannot_administer() throws Exception {
        createUser("watcher", "OBSERVER", "[{\"kind\":\"ALL\",\"id\":\"*\"}]");
        createUser("runner", "OPERATOR", "[{\"kind\":\"ALL\",\"id\":\"*\"}]");

        assertThat(basic("watcher", "watcher-password-1", get("/api/runs/latest")).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = basic("watcher", "watcher-password-1", post("/api/colleges/" + COLLEGE + "/pause?reason=x"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Нет прав");
        assertThat(basic("watcher", "watcher-password-1", get("/api/admin/users")).statusCode()).isEqualTo(403);

        assertThat(basic("runner", "runner-password-1", post("/api/colleges/" + COLLEGE + "/pause?reason=x")).statusCode()).isEqualTo(200);
        assertThat(basic("runner", "runner-password-1", post("/api/colleges/" + COLLEGE + "/resume")).statusCode()).isEqualTo(200);
        assertThat(basic("runner", "runner-password-1", get("/api/admin/users")).statusCode()).isEqualTo(403);
        assertThat(basic("runner", "runner-password-1", post("/api/admin/users/watcher/disable")).statusCode()).isEqualTo(403);
    }

    @Test
    void a_college_scoped_user_cannot_reach_another_college() throws Exception {
        createUser("it-sgo", "OPERATOR", "[{\"kind\":\"COLLEGE\",\"id\":\"test-sgo\"}]");

        assertThat(basic("it-sgo", "it-sgo-password-1", get("/api/colleges/test-sgo/in-flight")).statusCode()).isEqualTo(200);
        HttpResponse<String> other = basic("it-sgo", "it-sgo-password-1", get("/api/colleges/" + COLLEGE + "/in-flight"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Нет доступа к колледжу");
        assertThat(basic("it-sgo", "it-sgo-password-1", post("/api/colleges/" + COLLEGE + "/pause?reason=x")).statusCode()).isEqualTo(403);
        assertThat(basic("it-sgo", "it-sgo-password-1", get("/api/admin/colleges/" + COLLEGE + "/code-tables/discipline")).statusCode())
                .isEqualTo(403);
        JsonNode me = JSON.readTree(basic("it-sgo", "it-sgo-password-1", get("/api/me")).body());
        assertThat(me.path("colleges").toString()).isEqualTo("[\"test-sgo\"]");
    }

    @Test
    void an_api_token_acts_for_its_user_is_stored_as_a_hash_and_stops_when_revoked() throws Exception {
        createUser("scraper", "OBSERVER", "[{\"kind\":\"ALL\",\"id\":\"*\"}]");
        JsonNode issued = JSON.readTree(basic("tester", "test-password", post("/api/admin/tokens")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Prometheus\",\"username\":\"scraper\"}"))).body());
        String token = issued.path("token").asText();
        assertThat(token).startsWith("spo_");

        assertThat(anonymous.send(get("/api/runs/latest").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(anonymous.send(post("/api/colleges/" + COLLEGE + "/pause?reason=x").header("Authorization", "Bearer " + token)
                .header("X-Requested-With", "x").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("the observer's role").isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT token_hash FROM api_token", String.class)).doesNotContain(token).isNotEmpty();

        assertThat(basic("tester", "test-password", post("/api/admin/tokens/" + issued.path("id").asLong() + "/revoke")).statusCode()).isEqualTo(200);
        assertThat(anonymous.send(get("/api/runs/latest").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE subject = 'scraper'", String.class)).contains("TOKEN_ISSUED", "TOKEN_REVOKED");
    }

    @Test
    void a_new_user_needs_a_long_password_a_known_role_and_known_colleges() throws Exception {
        HttpResponse<String> refused = basic("tester", "test-password", post("/api/admin/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bad user\",\"role\":\"ROOT\",\"password\":\"short\","
                        + "\"scopes\":[{\"kind\":\"COLLEGE\",\"id\":\"nowhere\"}]}")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"username\"", "\"field\":\"role\"", "\"field\":\"password\"", "\"field\":\"scopes[0].id\"");
        assertThat(jdbc.queryForList("SELECT password_hash FROM hub_user WHERE username = 'tester'", String.class).get(0)).startsWith("{bcrypt}");
    }

    private void createUser(String name, String role, String scopes) throws Exception {
        HttpResponse<String> created = basic("tester", "test-password", post("/api/admin/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"role\":\"" + role + "\",\"password\":\""
                        + name + "-password-1\",\"scopes\":" + scopes + "}")));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 422);
        if (created.statusCode() == 422) {
            assertThat(created.body()).as("only «already exists» is acceptable").contains("уже есть");
        }
    }

    private HttpResponse<String> basic(String user, String password, HttpRequest.Builder request) throws Exception {
        return anonymous.send(request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).header("X-Requested-With", "test").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
    }

    private static HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    /** A client with cookies, as a browser signs in: the CSRF cookie first, then the form. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                    .findFirst().orElse("");
        }

        /** Answers where the sign-in sent the browser (path and query). */
        String signIn(String user, String password) throws Exception {
            send(get("/api/csrf"));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf(), StandardCharsets.UTF_8);
            HttpResponse<String> answer = send(post("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
            return location.getPath() + (location.getQuery() == null ? "" : "?" + location.getRawQuery());
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
