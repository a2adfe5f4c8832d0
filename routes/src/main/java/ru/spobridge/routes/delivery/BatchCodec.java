package ru.spobridge.routes.delivery;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.github.luben.zstd.Zstd;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.CanonicalJson;

/**
 * Writes and reads {@link DeliveryBatch} for the bus (Artemis or Kafka). A batch travels as bytes: a 4-byte mark,
 * the length of its frame, then the frame zstd-compressed: the batch's fields and items as length-prefixed UTF-8
 * (payloads are not escaped into an outer JSON string). A 500-student batch is ~7 times smaller than its JSON text and
 * stays under Artemis' 100 KiB large-message threshold, so the broker keeps it in its journal instead of a file of its
 * own (bench {@code BusCodecBenchmark}). Reading also accepts the JSON text that earlier versions put on the bus, so batches
 * waiting there across an upgrade are delivered.
 */
@Component
public class BatchCodec {

    /** "SPB" and the layout's version; JSON text starts with '{', so the two never mix up. */
    private static final byte[] MARK = {'S', 'P', 'B', 1};
    /** zstd's default level: gzip's size at several times its speed (bench {@code BusCodecBenchmark}). */
    private static final int LEVEL = 3;

    private final CanonicalJson json;

    public BatchCodec(CanonicalJson json) {
        this.json = json;
    }

    public byte[] encode(DeliveryBatch batch) {
        byte[] frame = frame(batch);
        byte[] compressed = Zstd.compress(frame, LEVEL);
        return ByteBuffer.allocate(MARK.length + Integer.BYTES + compressed.length)
                .put(MARK).putInt(frame.length).put(compressed).array();
    }

    /** A message body from the bus: the bytes of {@link #encode}, or JSON text (as a string or as its UTF-8 bytes). */
    public DeliveryBatch decode(Object body) {
        if (body instanceof String text) {
            return json.read(text, DeliveryBatch.class);
        }
        if (!(body instanceof byte[] bytes)) {
            throw new IllegalArgumentException("на шине не пакет доставки: " + (body == null ? "пустое сообщение" : body.getClass().getSimpleName()));
        }
        if (bytes.length > MARK.length + Integer.BYTES && Arrays.equals(bytes, 0, MARK.length, MARK, 0, MARK.length)) {
            int frameLength = ByteBuffer.wrap(bytes, MARK.length, Integer.BYTES).getInt();
            byte[] frame = new byte[frameLength];
            long read = Zstd.decompressByteArray(frame, 0, frameLength, bytes, MARK.length + Integer.BYTES,
                    bytes.length - MARK.length - Integer.BYTES);
            if (Zstd.isError(read) || read != frameLength) {
                throw new IllegalStateException("пакет доставки на шине повреждён: не распаковывается");
            }
            return unframe(frame);
        }
        return json.read(new String(bytes, StandardCharsets.UTF_8), DeliveryBatch.class);
    }

    /** The batch's fields in a fixed order, uncompressed; public for the benchmark that weighs it. */
    public static byte[] frame(DeliveryBatch batch) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + batch.items().size() * 700);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeLong(batch.runId());
            write(out, batch.collegeId());
            write(out, batch.flow());
            write(out, batch.target());
            write(out, batch.entityType());
            write(out, batch.idempotencyKey());
            out.writeInt(batch.items().size());
            for (DeliveryBatch.Item item : batch.items()) {
                write(out, item.entityKey());
                write(out, item.contentHash());
                write(out, item.previousHash());
                write(out, item.payload());
                write(out, item.maskedLabel());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    public static DeliveryBatch unframe(byte[] frame) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(frame))) {
            long runId = in.readLong();
            String collegeId = read(in);
            String flow = read(in);
            String target = read(in);
            String entityType = read(in);
            String idempotencyKey = read(in);
            int count = in.readInt();
            List<DeliveryBatch.Item> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                items.add(new DeliveryBatch.Item(read(in), read(in), read(in), read(in), read(in)));
            }
            return new DeliveryBatch(runId, collegeId, flow, target, entityType, idempotencyKey, List.copyOf(items));
        } catch (IOException e) {
            throw new IllegalStateException("пакет доставки на шине повреждён", e);
        }
    }

    /** Length in bytes, -1 for null, then UTF-8 (writeUTF stops at 64 KiB and is not plain UTF-8). */
    private static void write(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
