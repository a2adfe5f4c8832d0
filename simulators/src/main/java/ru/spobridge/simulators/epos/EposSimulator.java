package ru.spobridge.simulators.epos;

import static ru.spobridge.simulators.platform.FieldSpec.oneOf;
import static ru.spobridge.simulators.platform.FieldSpec.optional;
import static ru.spobridge.simulators.platform.FieldSpec.required;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.platform.FieldNaming;
import ru.spobridge.simulators.platform.FieldSpec;
import ru.spobridge.simulators.platform.PlatformDescription;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceSchema;

/**
 * ЭПОС.СПО integration API at {@code /epos-sim}: header {@code Auth-Token}, token field {@code auth_token},
 * snake_case; lessons at {@code schedule_items} by {@code bell_no} and {@code subject_code} with a {@code status};
 * marks as text ({@code "5"}, {@code "5/4"}, {@code "зач"}) with a {@code control_form}, absences at
 * {@code attendances} by {@code reason_code}; lesson topics and homework at {@code lesson_topics}.
 */
public class EposSimulator extends PlatformSimulator {

    public static final String BASE = "/epos-sim";
    public static final PlatformDescription PLATFORM = new PlatformDescription("epos", BASE, "Auth-Token", "",
            "auth_token", FieldNaming.SNAKE_CASE, List.of(ResourceSchema.groups(),
            ResourceSchema.students("student_profiles"), ResourceSchema.movements(), ResourceSchema.guardians(),
            ResourceSchema.staff("staff_profiles", optional("roles", FieldSpec.Type.TEXT_LIST)),
            ResourceSchema.substitutions(), ResourceSchema.reference(),
            ResourceSchema.schedule("schedule_items", required("bellNo", FieldSpec.Type.INTEGER), optional("start"),
                    optional("end"), optional("subgroup"), required("subjectCode"), ResourceSchema.lessonStatus()),
            ResourceSchema.attestationEvents(),
            ResourceSchema.marks("marks", new FieldSpec("value", FieldSpec.Type.TEXT, true, markValues()),
                    oneOf("controlForm", "текущая", "промежуточная"), ResourceSchema.weight()),
            ResourceSchema.attendance("attendances",
                    oneOf("reasonCode", ResourceSchema.ABSENCE_CODES.toArray(String[]::new))),
            ResourceSchema.lessonTopics("lesson_topics", optional("lessonNo", FieldSpec.Type.INTEGER), optional("topic"),
                    optional("workNo", FieldSpec.Type.INTEGER), optional("homework"))));

    /** ЭПОС writes a mark cell as text: "5", two marks as "5/4", or an attestation code. */
    private static List<String> markValues() {
        List<String> values = new ArrayList<>(ResourceSchema.MARKS);
        for (String first : ResourceSchema.MARKS) {
            ResourceSchema.MARKS.forEach(second -> values.add(first + "/" + second));
        }
        values.addAll(ResourceSchema.ATTESTATION_CODES);
        return values;
    }

    public EposSimulator(Clock clock, FaultInjector faults, TokenRegistry tokens,
                         SimulatorProperties.Platform settings) {
        super(PLATFORM, clock, faults, tokens, settings);
    }
}
