package ru.spobridge.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import ru.spobridge.mappings.contingent.ContingentGroupMapping;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentGuardianRecord;
import ru.spobridge.mappings.contingent.ContingentStudentMapping;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.model.Group;
import ru.spobridge.model.Student;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.delivery.BatchCodec;
import ru.spobridge.routes.delivery.DeliveryBatch;
import ru.spobridge.simulators.contingent.demo.DemoContingent;

/**
 * What one 500-student batch costs on the bus, each encoding against today's JSON text in the same run: bytes, encode
 * and decode time, and messages/s through an embedded, persistent Artemis broker (NIO journal, synced as the hub's),
 * consumed in a transacted session (as the hub does) and without one.
 * Run: {@code ./mvnw -o -q -pl bench -am package -DskipTests && java -cp bench/target/spo-bridge-bench.jar
 * -Dloader.main=ru.spobridge.bench.BusCodecBenchmark org.springframework.boot.loader.launch.PropertiesLauncher [items] [messages]}.
 */
public final class BusCodecBenchmark {

    private static final CanonicalJson JSON = new CanonicalJson();
    private static final BatchCodec CODEC = new BatchCodec(JSON);

    private BusCodecBenchmark() {
    }

    /** One way to put a batch on the bus; refs also reads the payloads back from a store when decoding. */
    private record Encoding(String name, Function<DeliveryBatch, Object> encode, Function<Object, DeliveryBatch> decode) {
    }

    public static void main(String[] args) throws Exception {
        // the broker's debug lines would bury the table
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        DeliveryBatch batch = batch(items);
        try (var store = java.sql.DriverManager.getConnection("jdbc:h2:mem:bus-bench;DB_CLOSE_DELAY=-1")) {
            storePayloads(store, batch);
            List<Encoding> encodings = List.of(
                    new Encoding("(a) JSON text (today)", JSON::write, body -> JSON.read((String) body, DeliveryBatch.class)),
                    new Encoding("(b) binary frame", BatchCodec::frame, body -> BatchCodec.unframe((byte[]) body)),
                    new Encoding("(b) binary frame + LZ4", b -> lz4(BatchCodec.frame(b)), body -> BatchCodec.unframe(unlz4((byte[]) body))),
                    new Encoding("(b) binary frame + deflate(1)", b -> deflate(BatchCodec.frame(b), Deflater.BEST_SPEED), body -> BatchCodec.unframe(inflate((byte[]) body))),
                    new Encoding("(b) binary frame + deflate(6)", b -> deflate(BatchCodec.frame(b), 6), body -> BatchCodec.unframe(inflate((byte[]) body))),
                    new Encoding("(b) frame + zstd(3): BatchCodec", CODEC::encode, CODEC::decode),
                    new Encoding("(b) binary frame + LZ4 HC", b -> lz4hc(BatchCodec.frame(b)), body -> BatchCodec.unframe(unlz4((byte[]) body))),
                    new Encoding("(c) JSON gzip", b -> gzip(JSON.write(b)), body -> JSON.read(gunzip((byte[]) body), DeliveryBatch.class)),
                    new Encoding("(d) refs only + store read", b -> JSON.write(withoutPayloads(b)),
                            body -> readPayloads(store, JSON.read((String) body, DeliveryBatch.class))));
            for (Encoding encoding : encodings) {
                if (!encoding.decode().apply(encoding.encode().apply(batch)).equals(batch)) {
                    throw new IllegalStateException(encoding.name() + " does not give the batch back");
                }
            }
            System.out.println("LZ4: " + net.jpountz.lz4.LZ4Factory.fastestInstance());
            System.out.printf("one batch: %d students of a demo college, canonical JSON payloads of %d bytes on average%n", items,
                    batch.items().stream().mapToInt(item -> item.payload().length()).sum() / items);
            System.out.printf("%-34s %10s %9s %11s %11s %12s %12s%n", "encoding", "bytes", "vs JSON", "encode µs", "decode µs",
                    "tx msg/s", "no-tx msg/s");
            Path journal = Files.createTempDirectory("bus-bench-artemis");
            EmbeddedActiveMQ broker = broker(journal);
            try (Connection connection = new ActiveMQConnectionFactory("vm://0").createConnection()) {
                connection.start();
                double jsonBytes = 0;
                for (Encoding encoding : encodings) {
                    Object body = encoding.encode().apply(batch);
                    int bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8).length : ((byte[]) body).length;
                    jsonBytes = jsonBytes == 0 ? bytes : jsonBytes;
                    double encodeMicros = micros(() -> encoding.encode().apply(batch));
                    double decodeMicros = micros(() -> encoding.decode().apply(body));
                    double transacted = throughput(connection, body, messages, true);
                    double plain = throughput(connection, body, messages, false);
                    System.out.printf("%-34s %10d %8.2fx %11.0f %11.0f %12.0f %12.0f%n", encoding.name(), bytes, bytes / jsonBytes,
                            encodeMicros, decodeMicros, transacted, plain);
                }
            } finally {
                broker.stop();
                deleteTree(journal);
            }
        }
    }

    /** Students of a generated demo college, through the hub's own mapping to canonical JSON, as the store holds them. */
    private static DeliveryBatch batch(int items) {
        var demo = DemoContingent.generate("1027400000011", items + items / 5, Math.max(1, items / 25), 42);
        Map<String, Group> groups = new HashMap<>();
        for (var g : demo.groups()) {
            Group group = ContingentGroupMapping.toGroup("1027400000011", new ContingentGroupRecord(g.getCode(), g.getName(),
                    g.getSpecialty(), g.getCourse(), g.getForm(),
                    g.getSubgroup().stream().map(sub -> new ContingentGroupRecord.Subgroup(sub.getCode(), sub.getName())).toList())).value();
            if (group != null) {
                groups.put(group.code(), group);
            }
        }
        List<DeliveryBatch.Item> list = new ArrayList<>();
        for (var s : demo.students()) {
            var study = s.getStudy();
            List<ContingentGuardianRecord> guardians = s.getGuardian().stream().map(g -> new ContingentGuardianRecord(g.getExternalId(),
                    g.getRelation(), g.getLastName(), g.getFirstName(), g.getMiddleName(), g.getPhone(), g.getEmail())).toList();
            Student student = ContingentStudentMapping.toStudent("1027400000011", new ContingentStudentRecord(s.getExternalId(),
                    s.getRegionalId(), s.getLastName(), s.getFirstName(), s.getMiddleName(), s.getGender(), s.getBirthDate(), s.getSnils(),
                    s.getEmail(), s.getPhone(), study.getSpecialty(), study.getForm(), study.getCourse(), study.getGroup(),
                    study.getSubgroup(), study.getIndividualPlan(), guardians), groups).value();
            if (student == null || list.size() == items) {
                continue;
            }
            String payload = JSON.write(student);
            int i = list.size();
            list.add(new DeliveryBatch.Item(s.getExternalId(), CanonicalJson.sha256(payload), i % 3 == 0 ? CanonicalJson.sha256("old" + i) : null,
                    payload, "С*** А. П., студент " + i));
        }
        if (list.size() < items) {
            throw new IllegalStateException("the demo college gave only " + list.size() + " valid students of " + items);
        }
        return new DeliveryBatch(1, "1027400000011", "contingent", "epos", "student", CanonicalJson.sha256("bench"), List.copyOf(list));
    }

    /** µs per call after a warm-up: the best of 5 rounds' averages, so that other processes on the machine weigh less. */
    private static double micros(Runnable call) {
        for (int i = 0; i < 200; i++) {
            call.run();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            int calls = 60;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1000.0 / calls);
        }
        return best;
    }

    /** Persistent sends then receives of one queue; transacted: a commit per message on both sides, as the hub consumes. */
    private static double throughput(Connection connection, Object body, int messages, boolean transacted) throws Exception {
        String name = "bench." + (transacted ? "tx" : "plain") + "." + System.nanoTime();
        try (Session session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
            Queue queue = session.createQueue(name);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            MessageConsumer consumer = session.createConsumer(queue);
            for (int warmup = 0; warmup < 10; warmup++) {
                roundTrip(session, producer, consumer, body, transacted);
            }
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                roundTrip(session, producer, consumer, body, transacted);
            }
            return messages * 1e9 / (System.nanoTime() - start);
        }
    }

    private static void roundTrip(Session session, MessageProducer producer, MessageConsumer consumer, Object body, boolean transacted)
            throws Exception {
        Message message;
        if (body instanceof String text) {
            message = session.createTextMessage(text);
        } else {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes((byte[]) body);
            message = bytes;
        }
        message.setStringProperty("JMSXGroupID", "1027400000011|0");
        producer.send(message);
        if (transacted) {
            session.commit();
        }
        Message received = consumer.receive(10_000);
        if (received == null) {
            throw new IllegalStateException("no message back from the broker");
        }
        Object read = received instanceof TextMessage text ? text.getText() : received.getBody(byte[].class);
        if (read == null) {
            throw new IllegalStateException("empty message");
        }
        if (transacted) {
            session.commit();
        }
    }

    private static EmbeddedActiveMQ broker(Path journal) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJournalType(JournalType.NIO);
        configuration.setJournalDirectory(journal.resolve("journal").toString());
        configuration.setBindingsDirectory(journal.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(journal.resolve("large").toString());
        configuration.setPagingDirectory(journal.resolve("paging").toString());
        configuration.addAcceptorConfiguration("in-vm", "vm://0");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        return broker;
    }

    private static DeliveryBatch withoutPayloads(DeliveryBatch batch) {
        return new DeliveryBatch(batch.runId(), batch.collegeId(), batch.flow(), batch.target(), batch.entityType(), batch.idempotencyKey(),
                batch.items().stream().map(item -> new DeliveryBatch.Item(item.entityKey(), item.contentHash(), item.previousHash(), null,
                        item.maskedLabel())).toList());
    }

    private static void storePayloads(java.sql.Connection store, DeliveryBatch batch) throws Exception {
        store.createStatement().execute("CREATE TABLE payloads(entity_key VARCHAR(100), content_hash VARCHAR(64), payload CLOB, "
                + "PRIMARY KEY(entity_key, content_hash))");
        try (PreparedStatement insert = store.prepareStatement("INSERT INTO payloads VALUES (?, ?, ?)")) {
            for (DeliveryBatch.Item item : batch.items()) {
                insert.setString(1, item.entityKey());
                insert.setString(2, item.contentHash());
                insert.setString(3, item.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The consumer's side of refs: one query for the batch's versions, as the store would answer it. */
    private static DeliveryBatch readPayloads(java.sql.Connection store, DeliveryBatch refs) {
        Map<String, String> payloads = new HashMap<>();
        try (PreparedStatement select = store.prepareStatement(
                "SELECT entity_key, content_hash, payload FROM payloads WHERE entity_key = ANY(?)")) {
            select.setObject(1, refs.items().stream().map(DeliveryBatch.Item::entityKey).toArray(String[]::new));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.put(rows.getString(1) + '|' + rows.getString(2), rows.getString(3));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DeliveryBatch(refs.runId(), refs.collegeId(), refs.flow(), refs.target(), refs.entityType(), refs.idempotencyKey(),
                refs.items().stream().map(item -> new DeliveryBatch.Item(item.entityKey(), item.contentHash(), item.previousHash(),
                        payloads.get(item.entityKey() + '|' + item.contentHash()), item.maskedLabel())).toList());
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] lz4(byte[] frame) {
        var compressor = net.jpountz.lz4.LZ4Factory.fastestInstance().fastCompressor();
        byte[] out = new byte[4 + compressor.maxCompressedLength(frame.length)];
        java.nio.ByteBuffer.wrap(out).putInt(frame.length);
        return java.util.Arrays.copyOf(out, 4 + compressor.compress(frame, 0, frame.length, out, 4));
    }

    private static byte[] lz4hc(byte[] frame) {
        byte[] out = new byte[4 + net.jpountz.lz4.LZ4Factory.fastestInstance().highCompressor().maxCompressedLength(frame.length)];
        java.nio.ByteBuffer.wrap(out).putInt(frame.length);
        int length = net.jpountz.lz4.LZ4Factory.fastestInstance().highCompressor().compress(frame, 0, frame.length, out, 4);
        return java.util.Arrays.copyOf(out, 4 + length);
    }

    private static byte[] unlz4(byte[] bytes) {
        byte[] frame = new byte[java.nio.ByteBuffer.wrap(bytes).getInt()];
        net.jpountz.lz4.LZ4Factory.fastestInstance().fastDecompressor().decompress(bytes, 4, frame, 0, frame.length);
        return frame;
    }

    private static byte[] deflate(byte[] frame, int level) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(level);
        try (DeflaterOutputStream out = new DeflaterOutputStream(buffer, deflater)) {
            out.write(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return buffer.toByteArray();
    }

    private static byte[] inflate(byte[] bytes) {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
