package ru.spobridge.simulators.eposschool;

import static ru.spobridge.simulators.platform.FieldSpec.oneOf;
import static ru.spobridge.simulators.platform.FieldSpec.optional;
import static ru.spobridge.simulators.platform.FieldSpec.required;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.platform.FieldNaming;
import ru.spobridge.simulators.platform.FieldSpec;
import ru.spobridge.simulators.platform.PlatformDescription;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;
import ru.spobridge.simulators.platform.ResourceSchema;

/**
 * ИАС «ЭПОС» for schools (school.permkrai.ru, seed 004) at {@code /ias-epos-sim}: the ЭПОС.СПО write contract
 * (header {@code Auth-Token}, token field {@code auth_token}, snake_case) with the school's differences — class
 * units (parallel 1–11 and a letter, «7Б») where colleges have groups, so every group field is a
 * {@code class_unit_external_id}; school marks 5/4/3/2 only (a cell may hold two), no college attestation codes;
 * lesson topics and homework at {@code lesson_topics}, as ЭПОС.СПО, with the class and the date. See docs/ias-epos-school.md.
 */
public class EposSchoolSimulator extends PlatformSimulator {

    public static final String BASE = "/ias-epos-sim";
    public static final PlatformDescription PLATFORM = new PlatformDescription("eposschool", BASE, "Auth-Token", "",
            "auth_token", FieldNaming.SCHOOL_SNAKE_CASE, List.of(ResourceSchema.classUnits(),
            ResourceSchema.schoolStudents("student_profiles"), ResourceSchema.movements(), ResourceSchema.guardians(),
            ResourceSchema.staff("staff_profiles", optional("roles", FieldSpec.Type.TEXT_LIST)),
            ResourceSchema.schedule("schedule_items", required("bellNo", FieldSpec.Type.INTEGER), optional("start"),
                    optional("end"), optional("subgroup"), required("subjectCode"), ResourceSchema.lessonStatus()),
            ResourceSchema.marks("marks", new FieldSpec("value", FieldSpec.Type.TEXT, true, markValues()),
                    oneOf("controlForm", "текущая", "промежуточная", "итоговая"), ResourceSchema.weight()),
            ResourceSchema.attendance("attendances",
                    oneOf("reasonCode", ResourceSchema.ABSENCE_CODES.toArray(String[]::new))),
            ResourceSchema.lessonTopics("lesson_topics", required("date"), required("groupExternalId"),
                    optional("subjectCode"), optional("teacherExternalId"), optional("lessonNo", FieldSpec.Type.INTEGER),
                    optional("topic"), optional("workNo", FieldSpec.Type.INTEGER), optional("homework"))));

    /** A school cell: "5", or two marks as "5/4"; the colleges' зачёт and debt codes do not exist in a school. */
    private static List<String> markValues() {
        List<String> values = new ArrayList<>(ResourceSchema.MARKS);
        for (String first : ResourceSchema.MARKS) {
            ResourceSchema.MARKS.forEach(second -> values.add(first + "/" + second));
        }
        return values;
    }

    public EposSchoolSimulator(Clock clock, FaultInjector faults, TokenRegistry tokens,
                               SimulatorProperties.Platform settings) {
        super(PLATFORM, clock, faults, tokens, settings);
    }

    /** Stored class units of a client by externalId, fields as received. */
    public Map<String, Map<String, Object>> classUnits(String clientId) {
        return groups(clientId);
    }

    /** Stored lesson records (topic, work number, homework) of a client by lesson key, the last posted state. */
    public Map<String, Map<String, Object>> lessonRecords(String clientId) {
        return items(clientId, ResourceKind.LESSONS);
    }
}
