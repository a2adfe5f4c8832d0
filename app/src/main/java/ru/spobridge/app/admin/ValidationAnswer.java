package ru.spobridge.app.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import ru.spobridge.routes.config.region.SettingError;

/** The answer to a refused change: 422 with a code, a message and every wrong field, so a form can mark each one. */
public final class ValidationAnswer {

    private ValidationAnswer() {
    }

    public static ResponseEntity<Map<String, Object>> refused(String message, List<SettingError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "INVALID_SETTINGS");
        body.put("message", message);
        body.put("errors", errors.stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return ResponseEntity.unprocessableEntity().body(body);
    }

    /** Any other refusal: a stable code beside the Russian message, as every answer of the upload and admin API has. */
    public static ResponseEntity<Map<String, Object>> status(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
