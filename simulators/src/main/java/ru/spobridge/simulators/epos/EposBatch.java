package ru.spobridge.simulators.epos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import ru.spobridge.simulators.web.JsonBodies;

/** Applies one {@code {"items":[…]}} write to a tenant and builds the per-record answer. */
final class EposBatch {

    /** HTTP status and JSON body of a processed write. */
    record Answer(int status, ObjectNode body) {
    }

    private EposBatch() {
    }

    static Answer apply(EposTenant tenant, EposCollection collection, byte[] rawBody, int limit) {
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
        if (items.size() > limit) {
            ObjectNode body = JsonBodies.error(413, "BATCH_TOO_LARGE", "Слишком много записей в пакете");
            body.put("limit", limit);
            return new Answer(413, body);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                return malformed("Элемент пакета должен быть объектом", "items[" + i + "]");
            }
            Optional<String> wrongField = EposRecordRules.typeProblem(collection, item);
            if (wrongField.isPresent()) {
                return malformed("Неверный тип поля", "items[" + i + "]." + wrongField.get());
            }
        }
        ArrayNode results = JsonBodies.MAPPER.createArrayNode();
        Set<String> delivered = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode result = record(tenant, collection, i, items.get(i));
            if (!"rejected".equals(result.get("status").asText())) {
                delivered.add(result.get("externalId").asText());
            }
            results.add(result);
        }
        // one delivery per request, even when an item repeats inside the batch
        delivered.forEach(tenant::delivered);
        int accepted = (int) StreamSupport.stream(results.spliterator(), false)
                .filter(r -> !"rejected".equals(r.get("status").asText())).count();
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        body.put("batchId", "b-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("received", items.size());
        body.put("accepted", accepted);
        body.put("rejected", items.size() - accepted);
        body.set("results", results);
        int status = accepted == items.size() ? 200 : accepted == 0 ? 422 : 207;
        return new Answer(status, body);
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode record(EposTenant tenant, EposCollection collection, int index, JsonNode item) {
        List<RecordError> errors = collection == EposCollection.GROUPS
                ? EposRecordRules.groupErrors(item)
                : EposRecordRules.studentErrors(item, group -> tenant.has(EposCollection.GROUPS, group));
        ObjectNode result = JsonBodies.MAPPER.createObjectNode();
        result.put("index", index);
        JsonNode externalId = item.get("external_id");
        if (externalId != null && externalId.isTextual()) {
            result.put("externalId", externalId.asText());
        }
        if (!errors.isEmpty()) {
            result.put("status", "rejected");
            ArrayNode errorNodes = result.putArray("errors");
            errors.forEach(e -> errorNodes.addObject()
                    .put("field", e.field()).put("code", e.code()).put("message", e.message()));
            return result;
        }
        Map<String, Object> fields = JsonBodies.MAPPER.convertValue(item, Map.class);
        EposTenant.Stored stored = tenant.store(collection, externalId.asText(), fields);
        result.put("status", stored.status());
        result.put("id", stored.id());
        return result;
    }

    private static Answer malformed(String message, String path) {
        ObjectNode body = JsonBodies.error(400, "MALFORMED", message);
        if (path != null) {
            body.put("path", path);
        }
        return new Answer(400, body);
    }
}
