package ru.spobridge.routes.delivery;

import static ru.spobridge.routes.contingent.ContingentIntake.GROUP;
import static ru.spobridge.routes.contingent.ContingentIntake.GUARDIAN;
import static ru.spobridge.routes.contingent.ContingentIntake.MOVEMENT;
import static ru.spobridge.routes.contingent.ContingentIntake.STUDENT;
import static ru.spobridge.routes.staff.StaffProvisioner.ACCOUNT;
import static ru.spobridge.routes.staff.StaffProvisioner.GRANT;
import static ru.spobridge.routes.schedule.ReferenceIntake.REFERENCE;
import static ru.spobridge.routes.schedule.ScheduleState.ATTESTATION;
import static ru.spobridge.routes.schedule.ScheduleState.LESSON;
import static ru.spobridge.routes.marks.MarksIntake.MARK;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.spobridge.connectors.aisepo.AisEpo;
import ru.spobridge.connectors.epos.EposSpo;
import ru.spobridge.connectors.eposschool.EposSchool;
import ru.spobridge.mappings.eposschool.EposSchoolItems;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.connectors.sgo.Sgo;
import ru.spobridge.mappings.aisepo.AisEpoContingentMapping;
import ru.spobridge.mappings.epos.EposContingentMapping;
import ru.spobridge.mappings.sgo.SgoContingentMapping;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;
import ru.spobridge.model.staff.StaffAccount;
import ru.spobridge.model.staff.SubstitutionGrant;
import ru.spobridge.model.staff.Workload;
import ru.spobridge.mappings.staff.StaffPlatformItems;
import ru.spobridge.mappings.schedule.SchedulePlatformItems;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.schedule.AttestationEvent;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.mappings.marks.LessonEntryPlatformItems;
import ru.spobridge.mappings.marks.MarksPlatformItems;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PlatformTarget.Resource;
import ru.spobridge.routes.staff.StaffIntake;

/**
 * The three regional college platforms and ИАС «ЭПОС» for schools. Delivery order per platform: groups, then students (they name a group),
 * then guardians (they name students), then movement orders (they name students and groups); staff accounts
 * before the workload and substitutions that name them.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformTargets {

    private static final String ABSENCE = ru.spobridge.routes.marks.MarksIntake.ATTENDANCE;

    /** A staff account that must not exist today is deleted (dismissal); a substitution no longer in force is revoked. */
    private static final java.util.function.Predicate<StaffAccount> REMOVED = account -> !account.active();
    private static final java.util.function.Predicate<SubstitutionGrant> REVOKED = grant -> !grant.active();
    /** A mark the teacher deleted is deleted; an absence withdrawn or cleared by a late arrival is deleted everywhere. */
    private static final java.util.function.Predicate<Mark> DELETED = Mark::deleted;
    private static final java.util.function.Predicate<Attendance> WITHDRAWN = attendance -> !attendance.standing();
    /** A lesson entry the teacher withdrew is deleted: the platform must not keep a topic the journal no longer has. */
    private static final java.util.function.Predicate<LessonEntry> ENTRY_WITHDRAWN = LessonEntry::deleted;
    private static final String LESSON_ENTRY = LessonEntry.ENTITY_TYPE;

    @Bean
    PlatformTarget eposTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(EposSpo.PROTOCOL, "external_id", List.of(
                new Resource<>(REFERENCE, "reference", ReferenceItem.class, SchedulePlatformItems::toEposReference),
                new Resource<>(GROUP, "groups", Group.class, EposContingentMapping::toGroup),
                new Resource<>(STUDENT, "student_profiles", Student.class, EposContingentMapping::toProfile),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, EposContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, EposContingentMapping::toMovement),
                new Resource<>(ACCOUNT, "staff_profiles", StaffAccount.class, StaffPlatformItems::toEposStaff, REMOVED),
                new Resource<>(GRANT, "substitutions", SubstitutionGrant.class, StaffPlatformItems::toEposSubstitution, REVOKED),
                new Resource<>(LESSON, "schedule_items", Lesson.class, SchedulePlatformItems::toEpos),
                new Resource<>(ATTESTATION, "attestation_events", AttestationEvent.class, SchedulePlatformItems::toEposAttestation),
                new Resource<>(MARK, "marks", Mark.class, MarksPlatformItems::toEpos, DELETED),
                new Resource<>(ABSENCE, "attendances", Attendance.class, MarksPlatformItems::toEpos, WITHDRAWN),
                new Resource<>(LESSON_ENTRY, "lesson_topics", LessonEntry.class, LessonEntryPlatformItems::toEpos, ENTRY_WITHDRAWN)),
                colleges, properties, json, http, clock);
    }

    /**
     * ИАС «ЭПОС» for schools: the ЭПОС.СПО items with class units for groups (a school's group is its class «7Б»);
     * marks, absences, guardians and staff as ЭПОС.СПО; lesson topics and homework by lesson key (seed 004 §3.5).
     */
    @Bean
    PlatformTarget eposSchoolTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(EposSchool.PROTOCOL, "external_id", List.of(
                new Resource<>(GROUP, EposSchool.CLASS_UNITS, Group.class, EposSchoolItems::toClassUnit),
                new Resource<>(STUDENT, "student_profiles", Student.class, EposSchoolItems::toStudent),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, EposContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, EposSchoolItems::toMovement),
                new Resource<>(ACCOUNT, "staff_profiles", StaffAccount.class, StaffPlatformItems::toEposStaff, REMOVED),
                new Resource<>(LESSON, "schedule_items", Lesson.class, EposSchoolItems::toSchedule),
                new Resource<>(LESSON_ENTRY, "lesson_topics", LessonEntry.class, EposSchoolItems::toLesson, ENTRY_WITHDRAWN),
                new Resource<>(MARK, "marks", Mark.class, MarksPlatformItems::toEpos, DELETED),
                new Resource<>(ABSENCE, "attendances", Attendance.class, MarksPlatformItems::toEpos, WITHDRAWN)),
                colleges, properties, json, http, clock);
    }

    @Bean
    PlatformTarget sgoTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(Sgo.PROTOCOL, "externalId", List.of(
                new Resource<>(REFERENCE, "reference", ReferenceItem.class, SchedulePlatformItems::toReference),
                new Resource<>(GROUP, "groups", Group.class, SgoContingentMapping::toGroup),
                new Resource<>(STUDENT, "students", Student.class, SgoContingentMapping::toStudent),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, SgoContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, SgoContingentMapping::toMovement),
                new Resource<>(ACCOUNT, "staff", StaffAccount.class, StaffPlatformItems::toStaff, REMOVED),
                new Resource<>(GRANT, "substitutions", SubstitutionGrant.class, StaffPlatformItems::toSubstitution, REVOKED),
                new Resource<>(LESSON, "schedule", Lesson.class, SchedulePlatformItems::toSgo),
                new Resource<>(ATTESTATION, "attestation_events", AttestationEvent.class, SchedulePlatformItems::toAttestation),
                new Resource<>(MARK, "marks", Mark.class, MarksPlatformItems::toSgo, DELETED),
                new Resource<>(ABSENCE, "attendance", Attendance.class, MarksPlatformItems::toAttendance, WITHDRAWN),
                new Resource<>(LESSON_ENTRY, "themes", LessonEntry.class, LessonEntryPlatformItems::toSgo, ENTRY_WITHDRAWN)),
                colleges, properties, json, http, clock);
    }

    @Bean
    PlatformTarget aisEpoTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(AisEpo.PROTOCOL, "externalId", List.of(
                new Resource<>(REFERENCE, "reference", ReferenceItem.class, SchedulePlatformItems::toReference),
                new Resource<>(GROUP, "groups", Group.class, AisEpoContingentMapping::toGroup),
                new Resource<>(STUDENT, "students", Student.class, AisEpoContingentMapping::toStudent),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, AisEpoContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, AisEpoContingentMapping::toMovement),
                new Resource<>(ACCOUNT, "staff", StaffAccount.class, StaffPlatformItems::toStaff, REMOVED),
                new Resource<>(StaffIntake.WORKLOAD, "workload", Workload.class, StaffPlatformItems::toAisEpoWorkload),
                new Resource<>(GRANT, "substitutions", SubstitutionGrant.class, StaffPlatformItems::toSubstitution, REVOKED),
                new Resource<>(LESSON, "schedule", Lesson.class, SchedulePlatformItems::toAisEpo),
                new Resource<>(ATTESTATION, "attestation_events", AttestationEvent.class, SchedulePlatformItems::toAttestation),
                new Resource<>(MARK, "marks", Mark.class, MarksPlatformItems::toAisEpo, DELETED),
                new Resource<>(ABSENCE, "attendance", Attendance.class, MarksPlatformItems::toAttendance, WITHDRAWN),
                new Resource<>(LESSON_ENTRY, "topics", LessonEntry.class, LessonEntryPlatformItems::toAisEpo, ENTRY_WITHDRAWN)),
                colleges, properties, json, http, clock);
    }
}
