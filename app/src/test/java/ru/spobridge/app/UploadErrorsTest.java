package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Every refusal of the upload API is Russian and has a code, and no run is opened for it. */
class UploadErrorsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_empty_upload_is_refused_as_an_empty_file_in_russian() throws Exception {
        HttpResponse<String> answer = upload("/api/colleges/test-college/staff/files?name=orders.csv", "text/csv", new byte[0]);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asText()).isEqualTo("EMPTY_FILE");
        assertThat(body.path("message").asText()).startsWith("Файл пустой").contains("--data-binary");
        assertThat(runs.recent(COLLEGE, 10)).as("no run for a refused upload").isEmpty();
    }

    @Test
    void a_file_sent_as_a_form_is_refused_for_its_content_type() throws Exception {
        HttpResponse<String> answer = upload("/api/colleges/test-college/marks/statement?name=st.csv", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\na;b\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(415);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(body.path("message").asText()).contains("multipart/form-data", "не принимается", "телом запроса");
    }

    @Test
    void an_unknown_college_and_a_missing_file_name_are_named() throws Exception {
        HttpResponse<String> college = upload("/api/colleges/nowhere/reference?name=ref.csv", "text/csv", "kind;code\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> name = upload("/api/colleges/test-college/reference", "text/csv", "kind;code\n".getBytes(StandardCharsets.UTF_8));

        assertThat(college.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(college.body()).path("code").asText()).isEqualTo("UNKNOWN_COLLEGE");
        assertThat(JSON.readTree(college.body()).path("message").asText()).contains("«nowhere»", "не настроен");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(name.body()).path("code").asText()).isEqualTo("MISSING_PARAMETER");
        assertThat(JSON.readTree(name.body()).path("message").asText()).contains("«name»");
    }

    @Test
    void a_file_over_the_limit_is_refused_by_its_declared_size_before_it_is_read() throws Exception {
        URI base = URI.create(baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            // only the head is sent: the answer must come without the hub waiting for 30 MB
            out.write(("POST /api/colleges/test-college/schedule/changes?name=big.csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AUTH
                    + "\r\nX-Requested-With: test\r\nContent-Type: text/csv\r\nContent-Length: 31457280\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            // up to the end of the JSON answer (a flat object): the connection may stay open for the body it was promised
            for (int c = in.read(); c >= 0; c = in.read()) {
                rest.append((char) c);
                if (c == '}') {
                    break;
                }
            }
            assertThat(status).contains(" 413");
            String body = rest.substring(rest.indexOf("{"));
            assertThat(JSON.readTree(body.substring(0, body.lastIndexOf('}') + 1)).path("code").asText()).isEqualTo("FILE_TOO_LARGE");
            assertThat(body).contains("30,0 МБ", "пределе 20,0 МБ");
        }
        assertThat(runs.recent(COLLEGE, 10)).isEmpty();
    }

    private HttpResponse<String> upload(String path, String contentType, byte[] content) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Authorization", AUTH).header("X-Requested-With", "test").header("Content-Type", contentType).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
