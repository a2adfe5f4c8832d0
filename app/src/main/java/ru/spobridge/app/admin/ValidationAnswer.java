package ru.spobridge.app.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.spobridge.routes.config.region.SettingError;

/** The answer to a refused change: 422 with a message and every wrong field, so a form can mark each one. */
public final class ValidationAnswer {

    private ValidationAnswer() {
    }

    public static ResponseEntity<Map<String, Object>> refused(String message, List<SettingError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("errors", errors.stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return ResponseEntity.unprocessableEntity().body(body);
    }

    public static ResponseEntity<Map<String, Object>> status(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
