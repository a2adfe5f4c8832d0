package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.student;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET {base}/_control/accepted?since=}: what a platform created or updated since an instant, and when. */
class PlatformAcceptedControlTest extends PlatformTestClient {

    @Override
    protected PlatformSimulator simulator() {
        return sgo;
    }

    @Test
    void records_created_or_updated_since_the_instant_are_listed_with_their_time_and_unchanged_ones_are_not() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"), student("stu-000102", "ТМ-21"));
        clock.advance(Duration.ofSeconds(5));
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21").with("firstName", "Мария"), student("stu-000102", "ТМ-21"));
        Instant after = clock.instant();

        JsonNode listed = json(get(platform().base() + "/_control/accepted?since=" + since));
        List<String> records = new ArrayList<>();
        listed.forEach(item -> records.add(item.get("client").asText() + " " + item.get("resource").asText() + " "
                + item.get("externalId").asText()));
        assertThat(records).containsExactly(CLIENT + " STUDENTS stu-000101");
        assertThat(Instant.parse(listed.get(0).get("at").asText())).isAfter(since).isBeforeOrEqualTo(after);
        assertThat(get(platform().base() + "/_control/accepted?since=вчера").statusCode()).isEqualTo(400);
    }
}
