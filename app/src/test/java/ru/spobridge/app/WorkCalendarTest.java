package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.config.WorkingCalendars;

/** The production calendar as data: changed through the admin API and counted at once; a year without data falls back. */
class WorkCalendarTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private WorkingCalendars calendars;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void removeTheRegionsDays() {
        jdbc.update("DELETE FROM work_calendar_day WHERE region_id = 'test-region'");
        calendars.changed();
    }

    @Test
    void a_region_exception_changes_the_due_date_without_restart() throws Exception {
        LocalDate monday = LocalDate.of(2027, 1, 11);
        assertThat(calendars.forRegion("test-region").plusWorkingDays(LocalDate.of(2026, 12, 29), 5)).isEqualTo(LocalDate.of(2027, 1, 14));

        HttpResponse<String> put = put("/api/admin/calendar/days",
                "[{\"region\":\"test-region\",\"day\":\"" + monday + "\",\"kind\":\"HOLIDAY\",\"note\":\"региональный праздник\"}]");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(calendars.forRegion("test-region").plusWorkingDays(LocalDate.of(2026, 12, 29), 5)).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(calendars.forRegion(null).plusWorkingDays(LocalDate.of(2026, 12, 29), 5)).as("federal unchanged")
                .isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'CALENDAR_DAY_SET'", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_bad_day_is_refused_and_changes_nothing() throws Exception {
        HttpResponse<String> put = put("/api/admin/calendar/days",
                "[{\"region\":\"test-region\",\"day\":\"2027-01-12\",\"kind\":\"HOLIDAY\"},{\"region\":\"test-region\",\"day\":\"2027-13-40\",\"kind\":\"HOLIDAY\"}]");

        assertThat(put.statusCode()).isEqualTo(422);
        assertThat(calendars.forRegion("test-region").isWorkingDay(LocalDate.of(2027, 1, 12))).isTrue();
    }

    @Test
    void a_year_without_data_falls_back_to_the_fixed_holidays() throws Exception {
        JsonNode year2030 = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/calendar/2030")).header("Authorization", HubIntegrationTest.TESTER).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(year2030.get("source").asText()).contains("не загружено");
        assertThat(calendars.forRegion(null).isWorkingDay(LocalDate.of(2030, 1, 7))).isFalse();
        assertThat(calendars.forRegion(null).isWorkingDay(LocalDate.of(2030, 11, 4))).isFalse();
        assertThat(calendars.forRegion(null).isWorkingDay(LocalDate.of(2030, 11, 5))).isTrue();
        JsonNode year2026 = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/calendar/2026")).header("Authorization", HubIntegrationTest.TESTER).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(year2026.get("source").asText()).contains("24.09.2025");
        assertThat(year2026.get("workingDays").asInt()).as("247 working days in 2026 by the decree").isEqualTo(247);
    }

    private HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").build(), HttpResponse.BodyHandlers.ofString());
    }
}
