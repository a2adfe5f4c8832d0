package ru.spobridge.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * An administrator's look at one record's data in clear, with a stated reason that goes to the audit log (the
 * values never do). The record is named in the request body, so no key or name ever lands in a URL or access log.
 */
@RestController
@RequestMapping("/api/records")
public class RevealApi {

    static final int MIN_REASON = 5;

    private final CanonicalRecords canonical;
    private final AuditLog audit;
    private final Access access;
    private final ObjectMapper mapper;

    public RevealApi(CanonicalRecords canonical, AuditLog audit, Access access, ObjectMapper mapper) {
        this.canonical = canonical;
        this.audit = audit;
        this.access = access;
        this.mapper = mapper;
    }

    public record Request(String college, String entityType, String entityKey, String reason) {
    }

    @PostMapping("/reveal")
    public ResponseEntity<Map<String, Object>> reveal(@RequestBody Request request) throws java.io.IOException {
        // the security chain already admits administrators only; checked here too, so a rule change cannot open it
        if (!access.has("ADMIN")) {
            return UploadErrors.answer(HttpStatus.FORBIDDEN, "ADMIN_ONLY", "Показать данные записи может только администратор");
        }
        String reason = RejectedApi.blank(request.reason());
        if (reason == null || reason.length() < MIN_REASON) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.REASON_REQUIRED,
                    "Укажите причину просмотра (не короче " + MIN_REASON + " символов): она записывается в журнал действий");
        }
        if (RejectedApi.blank(request.college()) == null || RejectedApi.blank(request.entityType()) == null
                || RejectedApi.blank(request.entityKey()) == null) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.MISSING_PARAMETER, "Укажите колледж, тип записи и её ключ");
        }
        access.require(request.college());
        String payload = canonical.payload(request.college(), request.entityType(), request.entityKey()).orElse(null);
        String subject = request.entityType() + " " + request.entityKey();
        if (payload == null) {
            audit.record(access.user(), "REVEAL", request.college(), subject, "причина: " + reason + "; запись не найдена");
            return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Данных этой записи в хабе нет: запись, отклонённая "
                    + "при приёме, не сохраняется — откройте её в источнике");
        }
        audit.record(access.user(), "REVEAL", request.college(), subject, "причина: " + reason);
        Map<String, Object> fields = new LinkedHashMap<>();
        flatten("", mapper.readTree(payload), fields);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("college", request.college());
        answer.put("entityType", request.entityType());
        answer.put("entityKey", request.entityKey());
        answer.put("fields", fields);
        return ResponseEntity.ok(answer);
    }

    // nested values as «guardian.phone», lists as «links[0].student»: one line per field for the dialog
    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix.isEmpty() ? "value" : prefix, node.asText());
        }
    }
}
