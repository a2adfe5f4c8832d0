package ru.spobridge.routes.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.spobridge.routes.archive.ArchiveVerifier.Finding;
import ru.spobridge.routes.archive.ArchiveVerifier.Problem;
import ru.spobridge.routes.archive.store.ArchiveCipher;
import ru.spobridge.routes.archive.store.ArchiveStore;
import ru.spobridge.routes.archive.store.FolderArchiveStore;
import ru.spobridge.routes.archive.store.S3ArchiveStore;
import ru.spobridge.simulators.s3.S3Simulator;

/** Archives go to a folder and to an S3-compatible bucket, plain and encrypted, and each copy is verified on its own. */
class ArchiveCopiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final String ID = "perm-demo/monthly-2026-10";
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    private static final String MARKS = "{\"group\":\"ИСП-21\",\"mark\":5}\n{\"group\":\"ИСП-21\",\"mark\":4}\n";

    private static S3Simulator s3;

    @TempDir
    Path temp;

    @BeforeAll
    static void startS3() {
        s3 = S3Simulator.start("archives");
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    private ArchiveStore folder() {
        return new FolderArchiveStore("local", temp.resolve("store"));
    }

    private ArchiveStore bucket(String prefix) {
        return new S3ArchiveStore("bucket", new S3ArchiveStore.Settings(s3.endpoint(), "ru-central1", "archives", prefix, true,
                "test-access", "test-secret"));
    }

    private Path staged() {
        Path folder = temp.resolve("staging/" + ID);
        ArchiveWriter.create(folder, ID, "perm-demo", "MONTHLY", ArchiveManifest.Source.HUB)
                .add("marks/ИСП-21.jsonl", "отметки", LocalDate.of(2027, 6, 30), out -> out.write(MARKS.getBytes(StandardCharsets.UTF_8)))
                .add("attendance.csv", "посещаемость", LocalDate.of(2020, 6, 30), out -> out.write("student;reason\nS1;УП\n".getBytes(StandardCharsets.UTF_8)))
                .finish(Instant.parse("2026-11-01T01:00:00Z"));
        return folder;
    }

    private List<ArchiveCopies.Written> write(ArchiveCopies copies, ArchiveStore... stores) {
        Path staged = staged();
        return copies.write(ID, staged, copies.manifest(new FolderArchiveStore("staged", temp.resolve("staging")), ID)
                .orElseThrow(), List.of(stores));
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("folder", false), Arguments.of("folder", true), Arguments.of("s3", false), Arguments.of("s3", true));
    }

    private ArchiveStore store(String kind, boolean encrypted) {
        return kind.equals("folder") ? folder() : bucket(java.util.UUID.randomUUID() + "/");
    }

    @ParameterizedTest(name = "{0}, encrypted {1}")
    @MethodSource("stores")
    void an_archive_written_to_a_store_reads_back_the_same_and_verifies_clean(String kind, boolean encrypted) {
        ArchiveCopies copies = new ArchiveCopies(encrypted ? ArchiveCipher.ofBase64(KEY, "SPO_ARCHIVE_KEY") : null);
        ArchiveStore store = store(kind, encrypted);

        assertThat(write(copies, store)).allMatch(ArchiveCopies.Written::ok);

        assertThat(store.list(ID)).containsExactly("attendance.csv", "manifest.json", "marks/ИСП-21.jsonl");
        byte[] stored = store.read(ID, "marks/ИСП-21.jsonl").orElseThrow();
        assertThat(new String(stored, StandardCharsets.UTF_8).contains("ИСП-21")).as("stored in clear").isEqualTo(!encrypted);
        assertThat(ArchiveCipher.sealed(stored)).isEqualTo(encrypted);
        assertThat(new String(copies.open(store, ID, "marks/ИСП-21.jsonl", encrypted), StandardCharsets.UTF_8)).isEqualTo(MARKS);
        // only the expired attendance file is reported, and it stays where it is
        assertThat(copies.verify(store, ID, encrypted, TODAY)).extracting(Finding::problem, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.RETENTION_ENDED, "attendance.csv"));
        assertThat(store.read(ID, "attendance.csv")).isPresent();
    }

    @ParameterizedTest(name = "{0}, encrypted {1}")
    @MethodSource("stores")
    void an_archive_is_never_written_over(String kind, boolean encrypted) {
        ArchiveCopies copies = new ArchiveCopies(encrypted ? ArchiveCipher.ofBase64(KEY, "SPO_ARCHIVE_KEY") : null);
        ArchiveStore store = store(kind, encrypted);
        write(copies, store);
        Path again = temp.resolve("again");
        ArchiveManifest manifest = ArchiveWriter.create(again.resolve(ID), ID, "perm-demo", "MONTHLY", ArchiveManifest.Source.HUB)
                .add("marks/ИСП-21.jsonl", "отметки", null, out -> out.write('x')).finish(Instant.now());

        assertThatThrownBy(() -> copies.write(ID, again.resolve(ID), manifest, List.of(store)))
                .hasMessageContaining("уже есть в хранилище").hasMessageContaining("не перезаписывается");
        assertThat(new String(copies.open(store, ID, "marks/ИСП-21.jsonl", encrypted), StandardCharsets.UTF_8)).isEqualTo(MARKS);
    }

    @ParameterizedTest(name = "encrypted {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void with_two_copies_a_changed_byte_and_a_missing_file_are_found_by_name_in_the_copy_that_has_them(boolean encrypted) throws Exception {
        ArchiveCopies copies = new ArchiveCopies(encrypted ? ArchiveCipher.ofBase64(KEY, "SPO_ARCHIVE_KEY") : null);
        ArchiveStore local = folder();
        String prefix = java.util.UUID.randomUUID() + "/";
        ArchiveStore bucket = bucket(prefix);
        assertThat(write(copies, local, bucket)).extracting(ArchiveCopies.Written::store).containsExactly("local", "bucket");

        // the folder copy: one byte changed; the bucket copy: one file gone
        Path marks = temp.resolve("store").resolve(ID).resolve("marks/ИСП-21.jsonl");
        byte[] bytes = Files.readAllBytes(marks);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(marks, bytes);
        s3.tamper("archives", prefix + ID + "/attendance.csv", null);

        assertThat(copies.verify(local, ID, encrypted, TODAY)).filteredOn(finding -> finding.problem() != Problem.RETENTION_ENDED)
                .extracting(Finding::problem, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.CHANGED, "marks/ИСП-21.jsonl"));
        assertThat(copies.verify(bucket, ID, encrypted, TODAY)).extracting(Finding::problem, Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Problem.MISSING, "attendance.csv"));
        assertThat(copies.verify(bucket, ID, encrypted, TODAY)).first().extracting(Finding::message).asString()
                .contains("attendance.csv").contains("«bucket»");
        assertThatThrownBy(() -> copies.open(local, ID, "marks/ИСП-21.jsonl", encrypted)).hasMessageMatching("(?s).*измен[её]н.*");
    }

    @Test
    void an_encrypted_archive_is_not_opened_without_its_key_nor_with_another_one() {
        ArchiveCopies sealing = new ArchiveCopies(ArchiveCipher.ofBase64(KEY, "SPO_ARCHIVE_KEY"));
        ArchiveStore store = folder();
        write(sealing, store);

        assertThatThrownBy(() -> new ArchiveCopies(null).open(store, ID, "attendance.csv", true))
                .isInstanceOf(ArchiveCipher.ArchiveKeyException.class).hasMessageContaining("ключ не задан");
        ArchiveCopies other = new ArchiveCopies(ArchiveCipher.ofBase64(OTHER_KEY, "SPO_ARCHIVE_KEY"));
        assertThatThrownBy(() -> other.open(store, ID, "attendance.csv", true))
                .isInstanceOf(ArchiveCipher.ArchiveKeyException.class).hasMessageContaining("другим ключом");
        assertThatThrownBy(() -> other.verify(store, ID, true, TODAY)).hasMessageContaining("другим ключом");
    }

    @Test
    void a_key_that_is_not_256_bits_of_base64_is_refused_with_the_setting_name() {
        assertThatThrownBy(() -> ArchiveCipher.ofBase64("c2hvcnQ=", "spo.archive.key")).hasMessageContaining("spo.archive.key")
                .hasMessageContaining("32 байта");
        assertThatThrownBy(() -> ArchiveCipher.ofBase64("не base64!", "spo.archive.key")).hasMessageContaining("base64");
        assertThat(ArchiveCipher.ofBase64(" ", "spo.archive.key")).isNull();
    }

    @Test
    void the_bucket_refuses_requests_without_credentials_and_every_delete() {
        ArchiveCopies copies = new ArchiveCopies(null);
        ArchiveStore bucket = bucket("auth/");
        write(copies, bucket);
        int refusedBefore = s3.unauthenticatedRequests();

        java.net.http.HttpResponse<String> anonymous = send("GET", s3.endpoint() + "/archives/auth/" + ID.replace("/", "/") + "/attendance.csv", null);
        java.net.http.HttpResponse<String> delete = send("DELETE", s3.endpoint() + "/archives/auth/" + ID + "/attendance.csv", "AWS4-HMAC-SHA256 test");

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(s3.unauthenticatedRequests()).isEqualTo(refusedBefore + 1);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(s3.object("archives", "auth/" + ID + "/attendance.csv")).isPresent();
    }

    private static java.net.http.HttpResponse<String> send(String method, String url, String authorization) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
