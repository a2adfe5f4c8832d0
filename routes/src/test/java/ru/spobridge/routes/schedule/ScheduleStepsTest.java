package ru.spobridge.routes.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/** The schedule hold rule: an import may remove at most the college's share of a period's planned lessons unattended. */
class ScheduleStepsTest {

    private static final String COLLEGE = "test-college";
    private static final long RUN = 7L;
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    private final Holds holds = mock(Holds.class);
    private final SyncRuns heldRuns = mock(SyncRuns.class);

    @Test
    void an_import_removing_exactly_the_college_share_of_the_planned_lessons_is_applied_unattended() {
        ScheduleSteps steps = steps(planned(100), 0.10);

        assertThat(steps.holdIfUnsafe(importOf(90), RUN)).isFalse();

        verify(holds, never()).hold(anyLong(), any(), any(), any(), any());
    }

    @Test
    void an_import_removing_one_lesson_more_than_the_share_is_held_as_a_mass_removal() {
        ScheduleSteps steps = steps(planned(100), 0.10);
        ScheduleSnapshot snapshot = importOf(89);

        assertThat(steps.holdIfUnsafe(snapshot, RUN)).isTrue();

        verify(holds).hold(eq(RUN), eq(COLLEGE), eq(ScheduleState.FLOW), argThat(hold -> Holds.MASS_REMOVAL.equals(hold.code())
                && hold.reason().contains("11 из 100")), eq(snapshot));
    }

    @Test
    void an_import_removing_one_lesson_less_than_the_share_is_applied_unattended() {
        ScheduleSteps steps = steps(planned(100), 0.10);

        assertThat(steps.holdIfUnsafe(importOf(91), RUN)).isFalse();

        verify(holds, never()).hold(anyLong(), any(), any(), any(), any());
    }

    @Test
    void an_empty_export_is_held_even_for_a_period_with_nothing_planned() {
        ScheduleSteps steps = steps(Map.of(), 0.10);

        assertThat(steps.holdIfUnsafe(importOf(0), RUN)).isTrue();
        // the held run carries what was read, not zeros beside its reason
        org.mockito.Mockito.verify(heldRuns).readFinished(org.mockito.ArgumentMatchers.eq(RUN), org.mockito.ArgumentMatchers.eq(false),
                org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.eq(0), org.mockito.ArgumentMatchers.eq(0),
                org.mockito.ArgumentMatchers.anyInt());
        org.mockito.Mockito.verify(heldRuns).sourceCounts(org.mockito.ArgumentMatchers.eq(RUN), org.mockito.ArgumentMatchers.anyMap());

        verify(holds).hold(eq(RUN), eq(COLLEGE), anyString(), argThat(hold -> ScheduleSteps.EMPTY_EXPORT.equals(hold.code())), any());
    }

    @Test
    void an_empty_export_s_hold_says_how_many_cards_and_lessons_were_read() {
        ScheduleSteps steps = steps(Map.of(), 0.10);
        ScheduleSnapshot snapshot = new ScheduleSnapshot(COLLEGE, "week.xml", MONDAY, MONDAY.plusDays(6), 84, List.of(), List.of(), List.of(), 40,
                3, 81, null, List.of());

        assertThat(steps.holdIfUnsafe(snapshot, RUN)).isTrue();

        verify(holds).hold(eq(RUN), eq(COLLEGE), anyString(), argThat(hold -> hold.reason().equals("Расписание из файла week.xml не содержит"
                + " ни одного занятия на 2026-09-07–2026-09-13: прочитано карточек 84, уроков 40, отклонено карточек 3, карточек не на эти недели"
                + " или семестр 81")), any());
    }

    @Test
    void a_corrupt_file_is_refused_as_a_whole_and_never_held() {
        RejectedRecords rejected = mock(RejectedRecords.class);
        SyncRuns runs = mock(SyncRuns.class);
        ScheduleSteps steps = new ScheduleSteps(null, null, rejected, runs, holds, null, null);
        RecordError refusal = new RecordError("week.xml", "-", "MALFORMED_XML", "Файл отклонён как повреждённый (строка 3, столбец 17): …");

        steps.refuseFile(ScheduleSnapshot.refused(COLLEGE, "week.xml", MONDAY, MONDAY.plusDays(6), refusal), RUN);

        verify(runs).fileRefused(RUN, refusal.message());
        verify(rejected).reject(COLLEGE, ScheduleState.FLOW, ScheduleSteps.FILE, "week.xml", RejectedRecords.INTAKE, List.of(refusal), null, RUN);
        verify(holds, never()).hold(anyLong(), any(), any(), any(), any());
    }

    @Test
    void the_source_counts_are_cards_lessons_and_dated_lessons_in_asc_terms() {
        ScheduleSnapshot snapshot = new ScheduleSnapshot(COLLEGE, "week.xml", MONDAY, MONDAY.plusDays(6), 84, lessons(5), List.of(), List.of(), 40,
                2, 7, null, List.of());

        assertThat(ScheduleSteps.sourceCounts(snapshot)).containsExactly(Map.entry("карточек", 84), Map.entry("уроков", 40),
                Map.entry("карточек отклонено", 2), Map.entry("карточек не на эти недели или семестр", 7), Map.entry("занятий по датам", 5));
    }

    private ScheduleSteps steps(Map<String, Lesson> planned, double maxRemovalShare) {
        ScheduleState state = new ScheduleState(null, null) {
            @Override
            public Map<String, Lesson> planned(String college, LocalDate from, LocalDate to) {
                return planned;
            }
        };
        CollegeSettings college = new CollegeSettings("Тестовый колледж", null, "1025900000015", ZoneId.of("Europe/Moscow"), null, null,
                new HubProperties.HoldSettings(maxRemovalShare), null, null, null);
        Colleges colleges = new Colleges(new HubProperties(Map.of(COLLEGE, college), null, null, null, null, null));
        return new ScheduleSteps(state, null, null, heldRuns, holds, colleges, null);
    }

    /** Lessons 1..count of the period, each on its own bell of the week. */
    private static List<Lesson> lessons(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new Lesson(COLLEGE, MONDAY.plusDays((n - 1) % 6), n, null, null, "ИСП-21", null, "ОП.01", List.of(), null,
                        null, null))
                .toList();
    }

    private static Map<String, Lesson> planned(int count) {
        Map<String, Lesson> planned = new LinkedHashMap<>();
        lessons(count).forEach(lesson -> planned.put(lesson.key(), lesson));
        return planned;
    }

    /** An export keeping the first {@code kept} of the planned lessons. */
    private static ScheduleSnapshot importOf(int kept) {
        return new ScheduleSnapshot(COLLEGE, "week.xml", MONDAY, MONDAY.plusDays(6), kept, lessons(kept), List.of());
    }
}
