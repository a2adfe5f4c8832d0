package ru.spobridge.simulators.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * Applies one {@code {"items":[…]}} write to a tenant, item after item, and builds the per-record answer.
 * <p>
 * Contract extension (README «Расширения контрактов»): the optional request header {@code Idempotency-Keys} lists
 * one key per item, in item order, comma-separated. A key names one record version, whatever batch carries it. An
 * item whose key this tenant already accepted, while the record still stands as that item left it, is answered with
 * the stored result (same status and id, {@code "replayed":true}) and neither applied nor counted again. The keys
 * live with the tenant's data: a platform that lost its data (reset, restore from a backup) lost them too, and a
 * record that is gone or was changed since is applied anew, so a repair always lands.
 */
final class PlatformBatch {

    /** HTTP status and JSON body of a processed write. */
    record Answer(int status, ObjectNode body) {
    }

    /** The lesson-state field and its value that cancel a lesson: {@code status} or, on СГО, {@code kind}. */
    private static final Map<String, String> CANCELLATIONS = Map.of("status", "cancelled", "kind", "cancellation");

    private final PlatformSimulator simulator;
    private final FieldRules rules;

    PlatformBatch(PlatformSimulator simulator) {
        this.simulator = simulator;
        this.rules = new FieldRules(simulator.description().naming());
    }

    Answer apply(PlatformTenant tenant, ResourceSchema schema, byte[] rawBody, List<String> itemKeys) {
        JsonNode root;
        try {
            root = JsonBodies.MAPPER.readTree(rawBody);
        } catch (IOException e) {
            return malformed("Тело запроса не является корректным JSON", null);
        }
        if (root == null || !root.isObject() || !root.path("items").isArray()) {
            return malformed("Ожидается объект с массивом items", "items");
        }
        JsonNode items = root.get("items");
        int limit = simulator.batchLimit();
        if (items.size() > limit) {
            ObjectNode body = JsonBodies.error(413, "BATCH_TOO_LARGE", "Слишком много записей в пакете");
            body.put("limit", limit);
            return new Answer(413, body);
        }
        if (!itemKeys.isEmpty() && itemKeys.size() != items.size()) {
            return malformed("Заголовок Idempotency-Keys должен содержать по одному ключу на каждую запись пакета",
                    "Idempotency-Keys");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                return malformed("Элемент пакета должен быть объектом", "items[" + i + "]");
            }
            Optional<String> wrongField = rules.typeProblem(schema, items.get(i));
            if (wrongField.isPresent()) {
                return malformed("Неверный тип поля", "items[" + i + "]." + wrongField.get());
            }
        }
        ArrayNode results = JsonBodies.MAPPER.createArrayNode();
        Set<String> delivered = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemKey = itemKeys.isEmpty() ? null : itemKeys.get(i);
            ObjectNode replayed = itemKey == null ? null : replayed(tenant, schema, i, itemKey, items.get(i));
            if (replayed != null) {
                results.add(replayed);
                continue;
            }
            ObjectNode result = record(tenant, schema, i, items.get(i));
            if (!"rejected".equals(result.get("status").asText())) {
                String externalId = result.get("externalId").asText();
                delivered.add(externalId);
                if (!"unchanged".equals(result.get("status").asText())) {
                    tenant.accepted(schema.kind(), externalId, simulator.clock().instant());
                }
                if (itemKey != null) {
                    tenant.rememberItem(itemKey, new PlatformTenant.ItemAnswer(schema.kind(), externalId,
                            result.get("status").asText(), result.get("id").asText(),
                            tenant.state(schema.kind(), externalId), simulator.clock().instant()));
                }
            }
            results.add(result);
        }
        // one delivery per request, even when an item repeats inside the batch
        delivered.forEach(externalId -> tenant.delivered(schema.kind(), externalId));
        return summary(results);
    }

    /**
     * The stored result of an item whose record version was already applied under this key; null when the key is
     * new, names another record, or the record is gone or changed since (then the item is applied).
     */
    private ObjectNode replayed(PlatformTenant tenant, ResourceSchema schema, int index, String itemKey, JsonNode item) {
        PlatformTenant.ItemAnswer prior = tenant.itemAnswer(itemKey, simulator.clock().instant());
        String externalId = rules.text(item, "externalId");
        if (prior == null || prior.kind() != schema.kind() || !prior.externalId().equals(externalId)
                || !prior.state().equals(tenant.state(schema.kind(), externalId))) {
            return null;
        }
        ObjectNode result = JsonBodies.MAPPER.createObjectNode();
        result.put("index", index).put("externalId", externalId).put("status", prior.status()).put("id", prior.id())
                .put("replayed", true);
        return result;
    }

    /** Removes one record: 200 with a one-item result {@code deleted}, or 404 NOT_FOUND. */
    Answer delete(PlatformTenant tenant, ResourceSchema schema, String externalId) {
        Optional<PlatformTenant.Stored> removed = tenant.remove(schema.kind(), externalId);
        if (removed.isEmpty()) {
            return new Answer(404, JsonBodies.error(404, "NOT_FOUND", "Запись не найдена"));
        }
        ArrayNode results = JsonBodies.MAPPER.createArrayNode();
        results.addObject().put("index", 0).put("externalId", externalId)
                .put("status", removed.get().status()).put("id", removed.get().id());
        return summary(results);
    }

    private static Answer summary(ArrayNode results) {
        int received = results.size();
        int accepted = (int) StreamSupport.stream(results.spliterator(), false)
                .filter(r -> !"rejected".equals(r.get("status").asText())).count();
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("batchId", "b-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("received", received);
        body.put("accepted", accepted);
        body.put("rejected", received - accepted);
        body.set("results", results);
        int status = accepted == received ? 200 : accepted == 0 ? 422 : 207;
        return new Answer(status, body);
    }

    @SuppressWarnings("unchecked")
    private ObjectNode record(PlatformTenant tenant, ResourceSchema schema, int index, JsonNode item) {
        ObjectNode result = JsonBodies.MAPPER.createObjectNode();
        result.put("index", index);
        String externalId = rules.text(item, "externalId");
        if (externalId != null) {
            result.put("externalId", externalId);
        }
        Map<String, Object> fields = JsonBodies.MAPPER.convertValue(item, Map.class);
        List<RecordError> errors = errors(tenant, schema, externalId, item, fields);
        if (!errors.isEmpty()) {
            result.put("status", "rejected");
            ArrayNode errorNodes = result.putArray("errors");
            errors.forEach(e -> errorNodes.addObject()
                    .put("field", e.field()).put("code", e.code()).put("message", e.message()));
            return result;
        }
        PlatformTenant.Stored stored;
        if (schema.kind() == ResourceKind.MARKS || schema.kind() == ResourceKind.ATTENDANCE) {
            // a lesson with a mark or an absence on it can no longer be cancelled, even after they are withdrawn
            tenant.mark(rules.text(item, "lessonKey"));
        }
        if (schema.kind() != ResourceKind.MOVEMENTS) {
            stored = tenant.store(schema.kind(), externalId, fields);
        } else if (tenant.has(ResourceKind.MOVEMENTS, externalId)) {
            stored = new PlatformTenant.Stored("unchanged", tenant.idOf(ResourceKind.MOVEMENTS, externalId));
        } else {
            stored = tenant.applyMovement(externalId, fields, rules.text(item, "studentExternalId"),
                    MovementKind.of(rules.text(item, "kind")), LocalDate.parse(rules.text(item, "effectiveDate")),
                    rules.text(item, "toGroupExternalId"), simulator.description().wire("groupExternalId"));
        }
        simulator.applications().applied(tenant.clientId(), schema.kind(), externalId, fields);
        result.put("status", stored.status());
        result.put("id", stored.id());
        return result;
    }

    private List<RecordError> errors(PlatformTenant tenant, ResourceSchema schema, String externalId, JsonNode item,
                                     Map<String, Object> fields) {
        Optional<RecordError> forced = simulator.forcedRejection(externalId);
        if (forced.isPresent()) {
            return List.of(forced.get());
        }
        List<RecordError> errors = rules.errors(schema, item, new FieldRules.Known() {
            @Override
            public boolean group(String id) {
                return tenant.has(ResourceKind.GROUPS, id);
            }

            @Override
            public boolean student(String id) {
                return tenant.has(ResourceKind.STUDENTS, id);
            }

            @Override
            public boolean staff(String id) {
                return tenant.has(ResourceKind.STAFF, id);
            }

            @Override
            public boolean building(String code) {
                return tenant.hasReference("building", code);
            }

            @Override
            public boolean lesson(String key) {
                return tenant.has(ResourceKind.SCHEDULE, key);
            }
        });
        if (!errors.isEmpty()) {
            return errors;
        }
        return switch (schema.kind()) {
            case MOVEMENTS -> movementErrors(tenant, externalId, item, fields);
            case SCHEDULE -> lessonErrors(tenant, externalId, item);
            default -> List.of();
        };
    }

    /** A lesson with marks or absences is never cancelled: the platform would have to drop them. */
    private List<RecordError> lessonErrors(PlatformTenant tenant, String externalId, JsonNode item) {
        if (!tenant.marked(externalId)) {
            return List.of();
        }
        return CANCELLATIONS.entrySet().stream()
                .filter(state -> state.getValue().equals(rules.text(item, state.getKey())))
                .map(state -> rules.error(state.getKey(), "LESSON_HAS_MARKS",
                        "Урок нельзя отменить: по нему уже выставлены отметки или пропуски"))
                .toList();
    }

    private List<RecordError> movementErrors(PlatformTenant tenant, String externalId, JsonNode item,
                                             Map<String, Object> fields) {
        Map<String, Object> prior = tenant.item(ResourceKind.MOVEMENTS, externalId);
        if (prior != null) {
            // a movement is applied once: a repeat must be the same movement
            return prior.equals(fields) ? List.of() : List.of(rules.error("externalId", "INVALID_VALUE",
                    "Движение с этим идентификатором уже принято с другим содержанием"));
        }
        return transitionErrors(tenant, item);
    }

    private List<RecordError> transitionErrors(PlatformTenant tenant, JsonNode item) {
        String student = rules.text(item, "studentExternalId");
        List<RecordError> errors = new ArrayList<>();
        if (!MovementKind.of(rules.text(item, "kind")).allowedFrom(tenant.studentStatus(student))) {
            errors.add(rules.error("kind", "MOVEMENT_OUT_OF_ORDER",
                    "Движение не применимо к текущему состоянию студента"));
        }
        LocalDate last = tenant.lastEffective(student);
        if (last != null && LocalDate.parse(rules.text(item, "effectiveDate")).isBefore(last)) {
            errors.add(rules.error("effectiveDate", "MOVEMENT_OUT_OF_ORDER",
                    "Дата вступления в силу раньше последнего применённого движения студента"));
        }
        return errors;
    }

    private static Answer malformed(String message, String path) {
        ObjectNode body = JsonBodies.error(400, "MALFORMED", message);
        if (path != null) {
            body.put("path", path);
        }
        return new Answer(400, body);
    }
}
