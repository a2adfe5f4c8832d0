package ru.spobridge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.app.HubIntegrationTest;

/**
 * Walks every operation of the hub's OpenAPI document: 401 without credentials; 403 for a role below the one the
 * operation needs; 403 for a user whose colleges do not include the college in the path.
 */
class EveryPathGuardedTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    record Operation(String method, String template, String path, String contentType) {
        boolean namesCollege() {
            return template.contains("{college}") || template.matches("/api/(admin/)?colleges/\\{id}.*");
        }

        /** The role the security rules ask for. */
        String role() {
            if (template.startsWith("/api/records/reveal") || template.startsWith("/api/archives")) {
                return "ADMIN";
            }
            if (template.matches("/api/admin/colleges/\\{college}/code-tables.*")) {
                return method.equals("GET") ? "OBSERVER" : "OPERATOR";
            }
            if (template.equals("/api/admin/colleges/{id}") && method.equals("GET")) {
                return "OBSERVER";
            }
            if (template.startsWith("/api/admin/")) {
                return "ADMIN";
            }
            if (template.startsWith("/api/me")) {
                return "OBSERVER";
            }
            return method.equals("GET") ? "OBSERVER" : "OPERATOR";
        }
    }

    @Test
    void every_operation_answers_401_without_credentials_and_403_for_a_wrong_role_or_college() throws Exception {
        create("walk-observer", "OBSERVER", "[{\"kind\":\"ALL\",\"id\":\"*\"}]");
        create("walk-operator", "OPERATOR", "[{\"kind\":\"ALL\",\"id\":\"*\"}]");
        create("walk-other", "ADMIN", "[{\"kind\":\"COLLEGE\",\"id\":\"test-sgo\"}]");

        HttpResponse<String> docs = send("GET", "/v3/api-docs", TESTER);
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        assertThat(send("GET", "/v3/api-docs", basic("walk-operator")).statusCode()).as("the API document is for administrators").isEqualTo(403);
        assertThat(send("GET", "/swagger-ui/index.html", TESTER).statusCode()).isEqualTo(200);

        List<Operation> operations = operations(JSON.readTree(docs.body()));
        assertThat(operations).as("the document lists the hub's API").hasSizeGreaterThan(40);

        List<String> wrong = new ArrayList<>();
        int roleChecks = 0;
        int collegeChecks = 0;
        for (Operation operation : operations) {
            int anonymous = send(operation, null).statusCode();
            if (anonymous != 401) {
                wrong.add("anonymous " + operation + " → " + anonymous);
            }
            String role = operation.role();
            String below = role.equals("ADMIN") ? "walk-operator" : role.equals("OPERATOR") ? "walk-observer" : null;
            if (below != null) {
                roleChecks++;
                int status = send(operation, basic(below)).statusCode();
                if (status != 403) {
                    wrong.add(below + " " + operation + " → " + status);
                }
            }
            if (operation.namesCollege()) {
                collegeChecks++;
                int status = send(operation, basic("walk-other")).statusCode();
                if (status != 403) {
                    wrong.add("walk-other (college test-sgo) " + operation + " → " + status);
                }
            }
        }
        System.out.printf("OpenAPI walk: %d operations, %d role checks, %d college checks%n", operations.size(), roleChecks, collegeChecks);
        assertThat(wrong).isEmpty();
        assertThat(roleChecks).isGreaterThan(20);
        assertThat(collegeChecks).isGreaterThan(10);
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replace("{college}", COLLEGE).replaceAll("^/api/(admin/)?colleges/\\{id}", "/api/$1colleges/" + COLLEGE)
                    .replaceAll("\\{[^}]+}", "1");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                // the sign-in page fetches its CSRF token before anyone has signed in
                if (path.getKey().equals("/api/csrf")) {
                    continue;
                }
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    // an upload is sent as the type it consumes, so the answer is about access, not about the media type
                    Iterator<String> types = path.getValue().path(method.toLowerCase()).path("requestBody").path("content").fieldNames();
                    operations.add(new Operation(method, path.getKey(), concrete, types.hasNext() ? types.next() : "application/json"));
                }
            }
        }
        return operations;
    }

    private void create(String name, String role, String scopes) throws Exception {
        HttpResponse<String> created = send("POST", "/api/admin/users", TESTER, "{\"username\":\"" + name + "\",\"role\":\"" + role
                + "\",\"password\":\"" + name + "-password\",\"scopes\":" + scopes + "}");
        assertThat(created.statusCode()).as(created.body()).isIn(200, 422);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-password").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        return send(method, path, authorization, null, "application/json");
    }

    private HttpResponse<String> send(Operation operation, String authorization) throws Exception {
        String method = operation.method();
        return send(method, operation.path(), authorization, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                operation.contentType());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        return send(method, path, authorization, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Requested-With", "test").header("Content-Type", contentType.contains("*") ? "application/octet-stream" : contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
