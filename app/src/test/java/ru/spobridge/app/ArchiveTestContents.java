package ru.spobridge.app;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import ru.spobridge.routes.archive.ArchiveContents;

/**
 * A small real filler of archives for the hub's tests, used only while the hub has no contents of its own (the
 * exports and summary statements are another part's): a JSON Lines file, a CSV file and a PDF-like file.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ArchiveTestContents {

    static final String MARKS = "{\"student\":\"S-1\",\"discipline\":\"Математика\",\"mark\":\"5\"}\n"
            + "{\"student\":\"S-2\",\"discipline\":\"Математика\",\"mark\":\"4\"}\n"
            + "{\"student\":\"S-3\",\"discipline\":\"Физика\",\"mark\":\"3\",\"late\":true}\n";
    static final String ATTENDANCE = "student;date;reason\nS-1;2026-10-05;УП\nS-2;2026-10-06;НУ\n";
    /** Set by a test: the next fill fails half-way, as a source that stops answering would. */
    static final java.util.concurrent.atomic.AtomicBoolean FAIL_NEXT = new java.util.concurrent.atomic.AtomicBoolean();
    static final byte[] STATEMENT = "%PDF-1.4\n% сводная ведомость (тест)\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Bean
    @ConditionalOnMissingBean(ArchiveContents.class)
    ArchiveContents smallArchiveContents() {
        return (request, writer) -> {
            LocalDate endOfYear = request.to().getMonthValue() <= 6 ? LocalDate.of(request.to().getYear(), 6, 30)
                    : LocalDate.of(request.to().getYear() + 1, 6, 30);
            writer.add("marks.jsonl", "отметки", endOfYear, out -> out.write(MARKS.getBytes(StandardCharsets.UTF_8)));
            if (FAIL_NEXT.getAndSet(false)) {
                throw new IllegalStateException("журнал колледжа не ответил");
            }
            writer.add("attendance.csv", "посещаемость", endOfYear, out -> out.write(ATTENDANCE.getBytes(StandardCharsets.UTF_8)))
                    .add("statements/сводная.pdf", "сводная ведомость", request.to().plusYears(75), out -> out.write(STATEMENT));
        };
    }
}
