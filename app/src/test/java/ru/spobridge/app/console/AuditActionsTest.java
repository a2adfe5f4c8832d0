package ru.spobridge.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action code the code base writes to the audit log has a Russian name, and subjects read in Russian. */
class AuditActionsTest {

    private static final Pattern AUDIT_CALL = Pattern.compile("audit\\.record\\(([^;]*);", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z_]{2,})\"");

    @Test
    void every_action_code_written_anywhere_has_a_russian_name() throws IOException {
        Set<String> written = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/java"), Path.of("../routes/src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher call = AUDIT_CALL.matcher(Files.readString(file));
                    while (call.find()) {
                        Matcher code = CODE.matcher(call.group(1));
                        while (code.find()) {
                            written.add(code.group(1));
                        }
                    }
                }
            }
        }
        assertThat(written).as("the scan finds the codes at all").contains("FILE_UPLOADED", "HELD_RUN_APPROVED", "EXPORT", "REVEAL", "RUN_STARTED");
        assertThat(written).allSatisfy(code -> assertThat(AuditActions.known(code)).as(code).isTrue());
    }

    @Test
    void hub_ids_in_subjects_read_in_russian() {
        assertThat(AuditActions.russian("run 22")).isEqualTo("запуск № 22");
        assertThat(AuditActions.russian("epos report 7")).isEqualTo("epos отчёт сверки № 7");
        assertThat(AuditActions.russian("dead letter 15")).isEqualTo("недоставленная запись № 15");
        assertThat(AuditActions.russian("student stu-1")).isEqualTo("student stu-1");
        assertThat(AuditActions.name("FILE_UPLOADED")).isEqualTo("загружен файл");
        assertThat(AuditActions.name("SOMETHING_NEW")).as("an unknown code shows as itself").isEqualTo("SOMETHING_NEW");
    }
}
