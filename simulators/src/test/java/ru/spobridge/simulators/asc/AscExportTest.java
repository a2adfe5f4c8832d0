package ru.spobridge.simulators.asc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.SimulatorWebTest;
import ru.spobridge.simulators.web.Digests;

/** The aSc Timetables export stand-in: the latest file per college with an ETag, 304 when unchanged, no auth. */
class AscExportTest extends SimulatorWebTest {

    private static final String LATEST = "/asc-sim/exports/1025900000015/latest.xml";
    private static final byte[] EXPORT = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<timetable "
            + "ascttversion=\"2021.6.2\"><periods columns=\"period,name,short,starttime,endtime\">"
            + "<period period=\"1\" name=\"1\" short=\"1\" starttime=\"8:30\" endtime=\"10:00\"/></periods>"
            + "</timetable>").getBytes(StandardCharsets.UTF_8);

    private HttpResponse<byte[]> download(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nothing_published_for_a_college_answers_404() {
        asc.publish("1027400000011", EXPORT);

        HttpResponse<String> response = get(LATEST);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void the_published_export_is_served_as_is_with_its_sha256_as_the_etag() {
        asc.publish("1025900000015", EXPORT);

        HttpResponse<byte[]> response = download(LATEST, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(EXPORT);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/xml"));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"" + Digests.sha256Hex(EXPORT) + "\"");
        assertThat(asc.latest("1025900000015")).hasValueSatisfying(
                export -> assertThat(export.sha256()).hasSize(64));
    }

    @Test
    void an_unchanged_export_answers_304_to_its_etag_and_a_new_one_is_served_again() {
        asc.publish("1025900000015", EXPORT);
        String etag = download(LATEST, null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> unchanged = download(LATEST, etag);
        HttpResponse<byte[]> bare = download(LATEST, Digests.sha256Hex(EXPORT));
        HttpResponse<byte[]> weakInList = download(LATEST, "\"other\", W/" + etag);
        asc.publish("1025900000015", "<timetable/>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> changed = download(LATEST, etag);

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
        assertThat(bare.statusCode()).isEqualTo(304);
        assertThat(weakInList.statusCode()).isEqualTo(304);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).isEqualTo("<timetable/>");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(asc.downloads()).isEqualTo(2);
        assertThat(asc.notModified()).isEqualTo(3);
    }

    @Test
    void a_windows_1251_export_is_served_byte_for_byte() {
        byte[] cp1251 = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><timetable><subjects><subject name=\"Физика\"/>"
                .concat("</subjects></timetable>").getBytes(Charset.forName("windows-1251"));
        asc.publish("1025900000015", cp1251);

        assertThat(download(LATEST, null).body()).isEqualTo(cp1251);
    }

    @Test
    void faults_are_injected_through_the_control_api_and_reset_forgets_the_exports() {
        asc.publish("1025900000015", EXPORT);

        HttpResponse<String> configured = postJson("/asc-sim/_control/faults",
                "{\"failNext\":{\"count\":1,\"status\":503},\"malformedNext\":1}");
        HttpResponse<String> failed = get(LATEST);
        HttpResponse<String> malformed = get(LATEST);
        HttpResponse<String> healthy = get(LATEST);
        HttpResponse<String> stats = get("/asc-sim/_control/stats");
        HttpResponse<String> reset = postJson("/asc-sim/_control/reset", "{}");

        assertThat(configured.statusCode()).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).startsWith("<?xml").doesNotContain("</timetable>");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(json(stats).get("injected").asInt()).isEqualTo(2);
        assertThat(json(stats).get("published").asInt()).isEqualTo(1);
        assertThat(json(stats).get("downloads").asInt()).isEqualTo(1);
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(get(LATEST).statusCode()).isEqualTo(404);
    }
}
