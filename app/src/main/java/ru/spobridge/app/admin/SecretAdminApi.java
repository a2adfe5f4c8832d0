package ru.spobridge.app.admin;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.config.Secrets;
import ru.spobridge.routes.store.AuditLog;

/**
 * A college's stored credentials: set (kept encrypted), forget, list by field name. No answer, audit row or log line
 * carries a value; a value may be set before the college that refers to it as {@code stored} exists.
 */
@RestController
@RequestMapping("/api/admin/colleges/{college}/secrets")
public class SecretAdminApi {

    private final Secrets secrets;
    private final AuditLog audit;

    public SecretAdminApi(Secrets secrets, AuditLog audit) {
        this.secrets = secrets;
        this.audit = audit;
    }

    @GetMapping
    public List<Secrets.Listed> list(@PathVariable String college) {
        return secrets.listed(college);
    }

    /** The body is the value as it is (one trailing newline of a file or a terminal dropped); answers 204, never an echo. */
    @PutMapping
    public ResponseEntity<Map<String, Object>> store(@PathVariable String college, @RequestParam String field,
                                                     @RequestBody(required = false) String value, Principal operator) {
        String clean = value == null ? null : value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        try {
            secrets.store(college, field, clean, operator.getName());
        } catch (Secrets.SecretException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", "SECRET_NOT_STORED", "message", e.getMessage()));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("code", "INVALID_SETTINGS", "message", e.getMessage()));
        }
        audit.record(operator.getName(), "SECRET_SET", college, field, null);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    public ResponseEntity<Map<String, Object>> forget(@PathVariable String college, @RequestParam String field, Principal operator) {
        boolean forgotten;
        try {
            forgotten = secrets.forget(college, field);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("code", "INVALID_SETTINGS", "message", e.getMessage()));
        }
        if (!forgotten) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "UNKNOWN_SECRET", "message", "Секрет " + field + " у колледжа " + college + " не сохранён"));
        }
        audit.record(operator.getName(), "SECRET_FORGOTTEN", college, field, null);
        return ResponseEntity.noContent().build();
    }
}
