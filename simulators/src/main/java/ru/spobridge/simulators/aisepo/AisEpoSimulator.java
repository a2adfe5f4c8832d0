package ru.spobridge.simulators.aisepo;

import static ru.spobridge.simulators.platform.FieldSpec.oneOf;
import static ru.spobridge.simulators.platform.FieldSpec.optional;
import static ru.spobridge.simulators.platform.FieldSpec.required;

import java.time.Clock;
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
 * АИС ЭПО integration API at {@code /aisepo-sim}: header {@code Authorization: Bearer}, camelCase;
 * students carry {@code subgroupNo} (integer) and no СНИЛС; the only platform that takes teaching load; marks as a
 * list of text marks or an attestation result in words, never both; lesson topics at {@code topics}, the КТП number
 * as {@code orderNo} like its КТП rows.
 */
public class AisEpoSimulator extends PlatformSimulator {

    public static final String BASE = "/aisepo-sim";
    public static final PlatformDescription PLATFORM = new PlatformDescription("aisepo", BASE, "Authorization",
            "Bearer ", "access_token", FieldNaming.CAMEL_CASE, List.of(ResourceSchema.groups(),
            ResourceSchema.students("students", optional("subgroupNo", FieldSpec.Type.INTEGER)),
            ResourceSchema.movements(), ResourceSchema.guardians(),
            ResourceSchema.staff("staff", optional("hiredOn")), ResourceSchema.substitutions(),
            ResourceSchema.workload(), ResourceSchema.reference(),
            ResourceSchema.schedule("schedule", required("pairNo", FieldSpec.Type.INTEGER), optional("start"),
                    optional("end"), optional("subgroupNo", FieldSpec.Type.INTEGER), required("disciplineCode"),
                    ResourceSchema.lessonStatus()),
            ResourceSchema.attestationEvents(),
            ResourceSchema.marks("marks", optional("marks", FieldSpec.Type.TEXT_LIST), new FieldSpec("attestation",
                    FieldSpec.Type.TEXT, false, List.of("зачтено", "академическая задолженность", "не аттестован",
                    "не прошёл по уважительной причине"))),
            ResourceSchema.attendance("attendance",
                    oneOf("code", ResourceSchema.ABSENCE_CODES.toArray(String[]::new))),
            ResourceSchema.lessonTopics("topics", optional("orderNo", FieldSpec.Type.INTEGER), optional("topic"),
                    optional("workNo", FieldSpec.Type.INTEGER), optional("homework"))));

    public AisEpoSimulator(Clock clock, FaultInjector faults, TokenRegistry tokens,
                          SimulatorProperties.Platform settings) {
        super(PLATFORM, clock, faults, tokens, settings);
    }

    /** Teaching load of a client by externalId, fields as received (only АИС ЭПО takes workload). */
    public Map<String, Map<String, Object>> workload(String clientId) {
        return items(clientId, ResourceKind.WORKLOAD);
    }
}
