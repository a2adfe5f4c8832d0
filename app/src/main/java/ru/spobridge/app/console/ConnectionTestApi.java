package ru.spobridge.app.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.connection.ConnectionTest;

/** Checks a college's connections on an operator's request: each source and target answers in Russian; nothing is written. */
@RestController
public class ConnectionTestApi {

    private final Colleges colleges;
    private final ConnectionTest connectionTest;

    public ConnectionTestApi(Colleges colleges, ConnectionTest connectionTest) {
        this.colleges = colleges;
        this.connectionTest = connectionTest;
    }

    @PostMapping("/api/colleges/{college}/connection-test")
    public ResponseEntity<Map<String, Object>> check(@PathVariable String college) {
        if (!colleges.known(college)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "UNKNOWN_COLLEGE", "message", "Колледж не настроен: " + college));
        }
        List<ConnectionTest.Check> checks = connectionTest.check(college);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("college", college);
        answer.put("ok", checks.stream().allMatch(ConnectionTest.Check::ok));
        answer.put("checks", checks);
        return ResponseEntity.ok(answer);
    }
}
