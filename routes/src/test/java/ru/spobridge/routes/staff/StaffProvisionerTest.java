package ru.spobridge.routes.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import ru.spobridge.model.Email;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.staff.StaffAccount;
import ru.spobridge.model.staff.StaffMember;
import ru.spobridge.model.staff.StaffOrder;
import ru.spobridge.model.staff.StaffOrderKind;
import ru.spobridge.model.staff.StaffRole;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.CodeTables;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.model.staff.Position;
import ru.spobridge.routes.store.CanonicalRecords;

/** The accounts due on a local day and the local midnights when they change next, around a dismissal. */
class StaffProvisionerTest {

    private static final String COLLEGE = "college-1";
    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");
    private static final CanonicalJson JSON = new CanonicalJson();

    @Test
    void on_the_dismissal_day_the_account_stays_active_and_its_removal_is_due_at_the_next_local_midnight() {
        CanonicalRecords canonical = canonical(order("h", StaffOrderKind.HIRE, "2027-01-10"), order("d", StaffOrderKind.DISMISSAL, "2027-03-10"));

        List<Instant> moments = provisioner(canonical, "2027-03-10T10:00").refresh(COLLEGE);

        assertThat(moments).containsExactly(LocalDate.parse("2027-03-11").atStartOfDay(ZONE).toInstant());
        assertThat(savedAccount(canonical).active()).isTrue();
    }

    @Test
    void from_the_next_local_midnight_the_account_is_inactive_and_nothing_more_is_due() {
        CanonicalRecords canonical = canonical(order("h", StaffOrderKind.HIRE, "2027-01-10"), order("d", StaffOrderKind.DISMISSAL, "2027-03-10"));
        when(canonical.hashes(COLLEGE, StaffProvisioner.ACCOUNT)).thenReturn(Map.of("per-1", "hash"));

        List<Instant> moments = provisioner(canonical, "2027-03-11T00:01").refresh(COLLEGE);

        assertThat(moments).isEmpty();
        assertThat(savedAccount(canonical).active()).isFalse();
    }

    @Test
    void a_hire_and_a_dismissal_on_the_same_day_give_an_active_account_removed_at_the_next_midnight() {
        CanonicalRecords canonical = canonical(order("h", StaffOrderKind.HIRE, "2027-08-02"), order("d", StaffOrderKind.DISMISSAL, "2027-08-02"));

        List<Instant> moments = provisioner(canonical, "2027-08-02T09:00").refresh(COLLEGE);

        assertThat(moments).containsExactly(LocalDate.parse("2027-08-03").atStartOfDay(ZONE).toInstant());
        assertThat(savedAccount(canonical).active()).isTrue();
    }

    private static StaffProvisioner provisioner(CanonicalRecords canonical, String localNow) {
        Colleges colleges = mock(Colleges.class);
        HubProperties.CollegeSettings college = mock(HubProperties.CollegeSettings.class);
        when(college.zone()).thenReturn(ZONE);
        when(colleges.settings(COLLEGE)).thenReturn(college);
        CodeTables codeTables = mock(CodeTables.class);
        when(codeTables.positions(COLLEGE)).thenReturn(Map.of("ПРП", new Position("ПРП", "Преподаватель", StaffRole.TEACHER)));
        Clock clock = Clock.fixed(LocalDateTime.parse(localNow).atZone(ZONE).toInstant(), ZONE);
        return new StaffProvisioner(canonical, JSON, colleges, codeTables, clock);
    }

    private static CanonicalRecords canonical(StaffOrder... orders) {
        CanonicalRecords canonical = mock(CanonicalRecords.class);
        Map<String, String> payloads = new HashMap<>();
        for (StaffOrder order : orders) {
            payloads.put(order.key().sourceId(), JSON.write(order));
        }
        StaffMember member = new StaffMember(COLLEGE, new SourceKey("hr", "per-1"), new PersonName("Кадрова", "Анна", null),
                new Email("a@test.example"), new Phone("+79120005501"));
        when(canonical.payloads(COLLEGE, StaffIntake.ORDER)).thenReturn(payloads);
        when(canonical.payloads(COLLEGE, StaffIntake.MEMBER)).thenReturn(Map.of("per-1", JSON.write(member)));
        when(canonical.payloads(anyString(), eq(StaffIntake.WORKLOAD))).thenReturn(Map.of());
        when(canonical.payloads(anyString(), eq(StaffIntake.SUBSTITUTION))).thenReturn(Map.of());
        return canonical;
    }

    private static StaffOrder order(String id, StaffOrderKind kind, String effective) {
        LocalDate date = LocalDate.parse(effective);
        return new StaffOrder(COLLEGE, new SourceKey("hr", id), "per-1", kind, "К-" + id, date.minusDays(3), date,
                kind == StaffOrderKind.DISMISSAL ? null : "ПРП");
    }

    @SuppressWarnings("unchecked")
    private static StaffAccount savedAccount(CanonicalRecords canonical) {
        ArgumentCaptor<Collection<CanonicalRecords.Candidate>> saved = ArgumentCaptor.forClass(Collection.class);
        verify(canonical).saveChanged(eq(COLLEGE), eq(StaffProvisioner.ACCOUNT), eq("hub"), saved.capture(), any(CanonicalJson.class));
        assertThat(saved.getValue()).hasSize(1);
        return (StaffAccount) saved.getValue().iterator().next().value();
    }
}
