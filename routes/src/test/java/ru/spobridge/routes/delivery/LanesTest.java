package ru.spobridge.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.SourceKey;
import ru.spobridge.routes.CanonicalJson;

/** Which lane a record takes: the same for every version of a record, by student for movement orders, 0 where not spread. */
class LanesTest {

    private static final CanonicalJson JSON = new CanonicalJson();
    private static final Lanes FOUR = new Lanes(new LaneSettings(4, null, null), JSON);
    private static final Lanes ONE = new Lanes(new LaneSettings(1, null, null), JSON);

    /** Pinned: a key's lane must not change between releases while its earlier versions may still be on the bus. */
    @ParameterizedTest
    @CsvSource({
            "student,    stu-1,   4",
            "student,    stu-2,   4",
            "student,    stu-1,   1",
            "guardian,   g-77,    4",
            "mark,       m-2025-1, 4",
            "attendance, a-9,     4",
            "group,      ИСП-21,  4",
            "lesson,     l-1,     4",
            "account,    t-5,     4",
            "student,    stu-1,   64"})
    void the_same_key_always_takes_the_same_lane_within_the_lanes(String type, String key, int lanes) {
        Lanes spread = new Lanes(new LaneSettings(lanes, null, null), JSON);

        int lane = spread.of(type, key, "{}");

        assertThat(spread.of(type, key, "{\"changed\":true}")).isEqualTo(lane);
        assertThat(lane).isBetween(0, lanes - 1);
        if (lanes == 1 || Set.of("group", "lesson", "account").contains(type)) {
            assertThat(lane).isZero();
        } else {
            assertThat(lane).isEqualTo(Lanes.lane(key, lanes));
        }
    }

    @ParameterizedTest
    // expected values from an independent CRC-32 (Python zlib.crc32 % lanes)
    @CsvSource({"stu-1, 4, 3", "stu-2, 4, 1", "stu-3, 4, 3", "stu-4, 4, 0", "stu-5, 4, 2", "stu-1, 7, 0", "stu-2, 7, 5"})
    void the_lane_function_is_a_fixed_hash_of_the_key(String key, int lanes, int expected) {
        assertThat(Lanes.lane(key, lanes)).isEqualTo(expected);
    }

    @Test
    void a_students_movement_orders_take_the_students_lane_whatever_the_order_key() {
        List<String> studentLanes = IntStream.range(0, 40).mapToObj(i -> "stu-" + i).map(student -> {
            int enrolment = FOUR.of("movement", "ord-e-" + student, movement("ord-e-" + student, student, MovementKind.ENROLMENT));
            int leave = FOUR.of("movement", "ord-l-" + student, movement("ord-l-" + student, student, MovementKind.ACADEMIC_LEAVE));
            return enrolment + "/" + leave + "/" + FOUR.of("student", student, "{}");
        }).toList();

        assertThat(studentLanes).allSatisfy(lanes -> {
            String[] parts = lanes.split("/");
            assertThat(parts[0]).isEqualTo(parts[1]).isEqualTo(parts[2]);
        });
    }

    @Test
    void records_spread_over_every_lane() {
        Set<Integer> used = IntStream.range(0, 200).mapToObj(i -> FOUR.of("mark", "m-" + i, "{}")).collect(Collectors.toSet());

        assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void one_lane_keeps_the_college_as_the_group_and_lanes_add_the_lane() {
        DeliveryBatch batch = new DeliveryBatch(1L, "c-1", "contingent", "epos", "student", "k",
                List.of(new DeliveryBatch.Item("stu-1", "h", null, "{}", null)));

        assertThat(ONE.group(batch)).isEqualTo("c-1");
        assertThat(FOUR.group(batch)).isEqualTo("c-1|" + Lanes.lane("stu-1", 4));
    }

    @Test
    void parents_are_awaited_only_with_lanes() {
        assertThat(FOUR.awaitsOutcomes("group")).isTrue();
        assertThat(FOUR.awaitsOutcomes("student")).isTrue();
        assertThat(FOUR.awaitsOutcomes("guardian")).isFalse();
        assertThat(FOUR.awaitsOutcomes("mark")).isFalse();
        assertThat(ONE.awaitsOutcomes("group")).isFalse();
        assertThat(ONE.awaitsOutcomes("student")).isFalse();
    }

    private static String movement(String key, String student, MovementKind kind) {
        return JSON.write(new Movement("c-1", new SourceKey("contingent", key), student, kind, "12-к", LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 9, 1), null, null, null));
    }
}
