package ru.spobridge.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.CanonicalJson;

class BatchCodecTest {

    private final CanonicalJson json = new CanonicalJson();
    private final BatchCodec codec = new BatchCodec(json);

    @Test
    void a_batch_comes_back_from_the_bus_field_for_field_with_nulls_and_cyrillic_kept() {
        DeliveryBatch batch = batch(
                new DeliveryBatch.Item("stu-1", "h1", null, "{\"name\":\"Иванова \\\"Анна\\\"\"}", "И*** А."),
                new DeliveryBatch.Item("stu-2", "h2", "h0", null, null));

        DeliveryBatch read = codec.decode(codec.encode(batch));

        assertThat(read).isEqualTo(batch);
        assertThat(read.itemKeys()).isEqualTo(batch.itemKeys());
    }

    @Test
    void a_batch_is_smaller_on_the_bus_than_its_json_text() {
        DeliveryBatch batch = batch(java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> new DeliveryBatch.Item("stu-" + i, CanonicalJson.sha256("v" + i), null,
                        "{\"group\":\"ИС-21\",\"lastName\":\"Студентова\",\"number\":" + i + "}", "С*** " + i))
                .toArray(DeliveryBatch.Item[]::new));

        assertThat(codec.encode(batch).length).isLessThan(json.write(batch).getBytes(StandardCharsets.UTF_8).length / 2);
    }

    @Test
    void json_text_left_on_the_bus_by_an_earlier_version_is_still_read_as_text_or_as_bytes() {
        DeliveryBatch batch = batch(new DeliveryBatch.Item("stu-1", "h1", null, "{\"a\":1}", "И*** А."));
        String old = json.write(batch);

        assertThat(codec.decode(old)).isEqualTo(batch);
        assertThat(codec.decode(old.getBytes(StandardCharsets.UTF_8))).isEqualTo(batch);
    }

    @Test
    void a_damaged_message_is_refused_not_read_as_another_batch() {
        byte[] bytes = codec.encode(batch(new DeliveryBatch.Item("stu-1", "h1", null, "{\"a\":1}", "И*** А.")));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> codec.decode(42)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DeliveryBatch batch(DeliveryBatch.Item... items) {
        return new DeliveryBatch(7, "1027400000011", "contingent", "epos", "student", "key-1", List.of(items));
    }
}
