package ru.spobridge.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryBatchItemKeysTest {

    private static DeliveryBatch.Item item(String key, String previous, String content) {
        return new DeliveryBatch.Item(key, content, previous, "{}", "С*** А.");
    }

    private static DeliveryBatch batch(String idempotencyKey, DeliveryBatch.Item... items) {
        return new DeliveryBatch(1, "college-7", "contingent", "epos", "student", idempotencyKey, List.of(items));
    }

    @Test
    void a_record_version_keeps_its_item_key_in_any_grouping_and_under_any_batch_key() {
        DeliveryBatch.Item first = item("stu-1", null, "h1");
        DeliveryBatch.Item second = item("stu-2", null, "h2");
        DeliveryBatch.Item third = item("stu-3", null, "h3");

        DeliveryBatch original = batch("spo-a", first, second, third);
        DeliveryBatch regrouped = batch("spo-b", third, second);

        assertThat(regrouped.itemKeys()).containsExactly(original.itemKeys().get(2), original.itemKeys().get(1));
        assertThat(original.without(List.of(first)).itemKeys()).containsExactlyElementsOf(original.itemKeys().subList(1, 3));
        assertThat(original.withKey("spo-a-r9").itemKeys()).isEqualTo(original.itemKeys());
    }

    @Test
    void another_version_or_the_same_content_coming_from_another_version_gets_another_item_key() {
        String applied = batch("spo-a", item("stu-1", null, "h1")).itemKeys().get(0);

        assertThat(batch("spo-a", item("stu-1", "h1", "h2")).itemKeys().get(0)).isNotEqualTo(applied);
        assertThat(batch("spo-a", item("stu-1", "h2", "h1")).itemKeys().get(0)).isNotEqualTo(applied);
        assertThat(batch("spo-a", item("stu-9", null, "h1")).itemKeys().get(0)).isNotEqualTo(applied);
        assertThat(new DeliveryBatch(1, "college-8", "contingent", "epos", "student", "spo-a",
                List.of(item("stu-1", null, "h1"))).itemKeys().get(0)).isNotEqualTo(applied);
    }

    @Test
    void the_item_keys_of_a_full_batch_of_500_fit_one_header_under_8_kib() {
        DeliveryBatch full = batch("spo-a", IntStream.range(0, 500)
                .mapToObj(i -> item("stu-" + i, null, "h" + i)).toArray(DeliveryBatch.Item[]::new));

        String header = String.join(",", full.itemKeys());

        assertThat(header.length()).isLessThan(7 * 1024);
        assertThat(full.itemKeys()).doesNotHaveDuplicates().allMatch(key -> key.matches("[A-Za-z0-9_-]{12}"));
    }
}
