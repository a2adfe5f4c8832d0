package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reference data (our extension of the contracts), the same on every REST platform: top-level fields spelled the
 * platform's way, attribute names camelCase everywhere.
 */
public abstract class PlatformReferenceContractTest extends PlatformTestClient {

    /** One reference item of every kind with every attribute its kind needs, the room after its building. */
    protected static Item[] everyKind() {
        return new Item[] {
                reference("building", "К1", "address", "ул. Примерная, 1"),
                reference("room", "214", "building", "К1", "capacity", "30"),
                reference("specialty", "15.02.16"),
                reference("curriculum", "ТМ-2024", "specialty", "15.02.16", "form", "очная", "startYear", "2024"),
                reference("discipline", "МДК.01.01", "disciplineKind", "МДК"),
                reference("attestationPeriod", "2025-1", "from", "2025-12-15", "to", "2026-01-15"),
                reference("controlForm", "экзамен"),
                reference("bell", "1", "start", "8:30", "end", "10:00")};
    }

    @Test
    void reference_items_of_every_kind_with_their_attributes_are_stored_and_listed() {
        HttpResponse<String> response = write(ResourceKind.REFERENCE, everyKind());
        HttpResponse<String> listed = list(ResourceKind.REFERENCE, "?pageSize=2");

        assertThat(path(ResourceKind.REFERENCE)).isEqualTo(platform().api() + "reference");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).findValuesAsText("status")).containsOnly("created");
        assertThat(simulator().reference(CLIENT)).hasSize(8).containsKeys("building:К1", "room:214", "bell:1");
        assertThat(simulator().reference(CLIENT).get("room:214"))
                .containsEntry("kind", "room").containsEntry("code", "214")
                .containsEntry(wire("attributes"), Map.of("building", "К1", "capacity", "30"));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("8");
        assertThat(json(listed).findValuesAsText(wire("externalId"))).containsExactly("building:К1", "room:214");
    }

    @Test
    void reference_items_need_external_id_kind_code_and_name_and_a_known_kind() {
        HttpResponse<String> response = write(ResourceKind.REFERENCE, reference("controlForm", "зачёт"),
                reference("controlForm", "экзамен").without("externalId").without("name"),
                reference("controlForm", "КР").without("kind").without("code"),
                reference("classroom", "214"));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        assertError(body, 1, "externalId", "REQUIRED");
        assertError(body, 1, "name", "REQUIRED");
        assertError(body, 2, "kind", "REQUIRED");
        assertError(body, 2, "code", "REQUIRED");
        assertError(body, 3, "kind", "INVALID_VALUE");
        assertThat(body.at("/results/3/errors").toString()).doesNotContain("classroom");
        assertThat(simulator().reference(CLIENT)).containsOnlyKeys("controlForm:зачёт");
    }

    @Test
    void each_kind_needs_its_own_attributes() {
        write(ResourceKind.REFERENCE, reference("building", "К1"));

        HttpResponse<String> response = write(ResourceKind.REFERENCE,
                reference("room", "214").without("attributes"),
                reference("curriculum", "ТМ-2024", "specialty", "15.02.16"),
                reference("discipline", "МДК.01.01"),
                reference("attestationPeriod", "2025-1", "from", "2025-12-15"),
                reference("bell", "1", "end", "10:00"),
                reference("specialty", "15.02.16"), reference("controlForm", "экзамен"));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        String attributes = wire("attributes") + ".";
        assertWireError(body, 0, attributes + "building", "REQUIRED");
        assertWireError(body, 1, attributes + "form", "REQUIRED");
        assertWireError(body, 1, attributes + "startYear", "REQUIRED");
        assertWireError(body, 2, attributes + "disciplineKind", "REQUIRED");
        assertWireError(body, 3, attributes + "to", "REQUIRED");
        assertWireError(body, 4, attributes + "start", "REQUIRED");
        assertThat(json(response).findValuesAsText("status"))
                .containsExactly("rejected", "rejected", "rejected", "rejected", "rejected", "created", "created");
    }

    @Test
    void attribute_values_need_a_known_discipline_kind_real_dates_and_times_in_order() {
        HttpResponse<String> response = write(ResourceKind.REFERENCE,
                reference("discipline", "ФК.01", "disciplineKind", "факультатив"),
                reference("attestationPeriod", "2025-1", "from", "15.12.2025", "to", "2026-02-30"),
                reference("attestationPeriod", "2025-2", "from", "2026-06-30", "to", "2026-06-01"),
                reference("bell", "1", "start", "8.30", "end", "25:00"),
                reference("bell", "2", "start", "10:10", "end", "10:10"),
                reference("attestationPeriod", "2025-3", "from", "2026-06-01", "to", "2026-06-01"),
                reference("bell", "3", "start", "09:50", "end", "11:20"));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        String attributes = wire("attributes") + ".";
        assertWireError(body, 0, attributes + "disciplineKind", "INVALID_VALUE");
        assertWireError(body, 1, attributes + "from", "INVALID_FORMAT");
        assertWireError(body, 1, attributes + "to", "INVALID_FORMAT");
        assertWireError(body, 2, attributes + "to", "INVALID_VALUE");
        assertWireError(body, 3, attributes + "start", "INVALID_FORMAT");
        assertWireError(body, 3, attributes + "end", "INVALID_FORMAT");
        assertWireError(body, 4, attributes + "end", "INVALID_VALUE");
        assertThat(json(response).findValuesAsText("status")).endsWith("created", "created");
        assertThat(response.body()).doesNotContain("факультатив", "15.12.2025", "2026-02-30", "8.30", "25:00");
    }

    @Test
    void a_room_whose_building_was_never_posted_is_an_unknown_reference() {
        HttpResponse<String> response = write(ResourceKind.REFERENCE,
                reference("room", "101", "building", "К9"),
                reference("building", "К2"),
                reference("room", "102", "building", "К2"));

        assertThat(response.statusCode()).isEqualTo(207);
        assertWireError(json(response), 0, wire("attributes") + ".building", "UNKNOWN_REFERENCE");
        assertThat(response.body()).doesNotContain("К9");
        assertThat(simulator().reference(CLIENT)).containsOnlyKeys("building:К2", "room:102");
        assertThat(simulator().reference("college-b")).isEmpty();
    }

    @Test
    void attributes_with_a_value_that_is_not_text_are_a_malformed_envelope() {
        HttpResponse<String> response = write(ResourceKind.REFERENCE,
                reference("room", "214", "building", "К1").with("attributes", Map.of("capacity", 30)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(json(response).get("path").asText()).isEqualTo("items[0]." + wire("attributes") + ".capacity");
    }
}
