package ru.spobridge.mappings.asc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.asc.AscMatching.Kind;

class AscLargeExportTest {

    private static final int CLASSES = 150;

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void a_streamed_export_of_thousands_of_cards_is_parsed_matched_and_expanded_in_full() {
        AscFixtures.Directories directories = new AscFixtures.Directories();
        Map<String, String> teachers = new HashMap<>();
        for (int t = 0; t < 60; t++) {
            teachers.put("P" + t, "Преподаватель " + t);
        }
        Map<String, String> rooms = new HashMap<>();
        for (int r = 0; r < 80; r++) {
            rooms.put(String.valueOf(100 + r), "Аудитория " + (100 + r));
        }
        Map<String, String> classes = new HashMap<>();
        for (int c = 0; c < CLASSES; c++) {
            classes.put("ГР-" + c, "ГР-" + c);
        }
        directories.candidates.put(Kind.TEACHER, teachers);
        directories.candidates.put(Kind.ROOM, rooms);
        directories.candidates.put(Kind.GROUP, classes);
        directories.candidates(Kind.SUBJECT, "D0", "", "D1", "", "D2", "", "D3", "", "D4", "", "D5", "");
        long before = usedHeap();

        long start = System.nanoTime();
        AscTimetableParser.Result parsed = AscTimetableParser.parse("generated.xml", new GeneratedExport(CLASSES, 60, 80));
        long parsedAt = System.nanoTime();
        long afterParse = usedHeap();
        long matchStart = System.nanoTime();
        AscMatching.Result matches = directories.match(parsed.timetable());
        AscExpansion.Result week = AscExpansion.expand("c1", parsed.timetable(), matches, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 14),
                LocalDate.of(2025, 9, 1));
        long expandedAt = System.nanoTime();
        long afterExpand = usedHeap();

        int cards = parsed.timetable().cards().size();
        assertThat(parsed.errors()).isEmpty();
        assertThat(matches.errors()).isEmpty();
        assertThat(week.errors()).isEmpty();
        assertThat(cards).isEqualTo(CLASSES * GeneratedExport.CARDS_PER_CLASS).isGreaterThanOrEqualTo(5_000);
        assertThat(week.lessons()).hasSize(2 * cards);
        System.out.printf("aSc large export: %d cards, %d lessons; parse %.0f ms (%.0f cards/s); match+expand 2 weeks %.0f ms (%.0f cards/s, %d lessons);"
                        + " heap used before %d KiB, after parse %+d KiB, after expansion %+d KiB%n",
                cards, parsed.timetable().lessons().size(), (parsedAt - start) / 1e6, cards / ((parsedAt - start) / 1e9),
                (expandedAt - matchStart) / 1e6, cards / ((expandedAt - matchStart) / 1e9), week.lessons().size(),
                before / 1024, (afterParse - before) / 1024, (afterExpand - before) / 1024);
    }
}
