package ru.spobridge.routes.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.spobridge.routes.archive.ArchiveVerifier.Finding;
import ru.spobridge.routes.archive.ArchiveVerifier.Problem;

/** An archive verifies against its manifest; each kind of damage is reported by name, and expiry is reported, not acted on. */
class ArchiveVerifierTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1): the checksum is the standard one, not ours. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path temp;

    private Path written() {
        Path folder = temp.resolve("perm-demo/2026-10-monthly");
        ArchiveWriter.create(folder, "perm-demo/2026-10-monthly", "perm-demo", "MONTHLY", ArchiveManifest.Source.PLATFORM)
                .add("abc.txt", "проба", LocalDate.of(2027, 6, 30), out -> out.write("abc".getBytes(StandardCharsets.US_ASCII)))
                .add("marks/ИСП-21.jsonl", "отметки", LocalDate.of(2027, 6, 30),
                        out -> out.write("{\"mark\":5}\n{\"mark\":4}\n".getBytes(StandardCharsets.UTF_8)))
                .add("statements/ИСП-21.pdf", "сводная ведомость", LocalDate.of(2101, 6, 30), out -> out.write(new byte[] {1, 2, 3}))
                .finish(Instant.parse("2026-11-01T01:00:00Z"));
        return folder;
    }

    @Test
    void a_written_archive_verifies_clean_and_its_manifest_holds_the_standard_checksums() throws IOException {
        Path folder = written();

        assertThat(ArchiveVerifier.verify(folder, TODAY)).isEmpty();
        ArchiveManifest manifest = ArchiveWriter.JSON.readValue(folder.resolve(ArchiveManifest.FILE_NAME).toFile(), ArchiveManifest.class);
        assertThat(manifest.files()).extracting(ArchiveManifest.Entry::path)
                .containsExactly("abc.txt", "marks/ИСП-21.jsonl", "statements/ИСП-21.pdf");
        assertThat(manifest.files().get(0).sha256()).isEqualTo(SHA256_ABC);
        assertThat(manifest.files().get(0).bytes()).isEqualTo(3);
        assertThat(manifest.source()).isEqualTo(ArchiveManifest.Source.PLATFORM);
        assertThat(manifest.createdAt()).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
    }

    static Stream<Arguments> damage() {
        return Stream.of(
                Arguments.of("a changed byte", (Consumer<Path>) folder -> rewrite(folder.resolve("marks/ИСП-21.jsonl"), "{\"mark\":5}\n{\"mark\":3}\n"),
                        Problem.CHANGED, "marks/ИСП-21.jsonl"),
                Arguments.of("a file removed", (Consumer<Path>) folder -> delete(folder.resolve("statements/ИСП-21.pdf")),
                        Problem.MISSING, "statements/ИСП-21.pdf"),
                Arguments.of("a file added", (Consumer<Path>) folder -> rewrite(folder.resolve("marks/extra.csv"), "x"),
                        Problem.UNLISTED, "marks/extra.csv"),
                Arguments.of("the manifest removed", (Consumer<Path>) folder -> delete(folder.resolve(ArchiveManifest.FILE_NAME)),
                        Problem.MANIFEST_UNREADABLE, ArchiveManifest.FILE_NAME),
                Arguments.of("the manifest damaged", (Consumer<Path>) folder -> rewrite(folder.resolve(ArchiveManifest.FILE_NAME), "{\"files\": ["),
                        Problem.MANIFEST_UNREADABLE, ArchiveManifest.FILE_NAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void damage_is_reported_naming_the_file(String what, Consumer<Path> damage, Problem problem, String path) {
        Path folder = written();
        damage.accept(folder);

        List<Finding> findings = ArchiveVerifier.verify(folder, TODAY);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.problem()).isEqualTo(problem);
            assertThat(finding.path()).isEqualTo(path);
            assertThat(finding.message()).isNotBlank();
        });
    }

    @Test
    void an_ended_retention_is_reported_and_the_file_is_kept() {
        Path folder = written();

        List<Finding> findings = ArchiveVerifier.verify(folder, LocalDate.of(2027, 7, 1));

        assertThat(findings).extracting(Finding::problem, Finding::path).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Problem.RETENTION_ENDED, "abc.txt"),
                org.assertj.core.groups.Tuple.tuple(Problem.RETENTION_ENDED, "marks/ИСП-21.jsonl"));
        assertThat(folder.resolve("abc.txt")).exists();
        assertThat(findings.get(0).message()).contains("2027-06-30").contains("администратор");
    }

    @Test
    void a_path_out_of_the_archive_and_an_existing_archive_are_refused() {
        Path folder = written();
        ArchiveWriter writer = ArchiveWriter.create(temp.resolve("other"), "other", "perm-demo", "MONTHLY", ArchiveManifest.Source.HUB);

        for (String path : List.of("../escape.txt", "/etc/passwd", "marks/../../escape.txt", "", ".")) {
            assertThatThrownBy(() -> writer.add(path, "x", null, out -> out.write(1)))
                    .as(path).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("за пределы архива");
        }
        assertThat(temp.resolve("escape.txt")).doesNotExist();
        assertThatThrownBy(() -> ArchiveWriter.create(folder, "perm-demo/2026-10-monthly", "perm-demo", "MONTHLY", ArchiveManifest.Source.HUB))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("уже существует");
    }

    private static void rewrite(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
