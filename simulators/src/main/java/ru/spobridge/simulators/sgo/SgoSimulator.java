package ru.spobridge.simulators.sgo;

import static ru.spobridge.simulators.platform.FieldSpec.oneOf;
import static ru.spobridge.simulators.platform.FieldSpec.optional;
import static ru.spobridge.simulators.platform.FieldSpec.required;

import java.time.Clock;
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
 * «Сетевой Город. Образование» integration API at {@code /sgo-sim}: header {@code at}, camelCase; students carry
 * {@code snils} (checked) and {@code subgroup}; lessons by {@code pairNo} with both times and a {@code kind};
 * marks as numbers ({@code 5}, two as {@code [5,4]}, attestation as text), absences by {@code code} with the
 * platform's own Б (illness) and ОП (excused in advance); a lesson's topic at {@code themes} as a {@code theme}, the word
 * of its diary.
 */
public class SgoSimulator extends PlatformSimulator {

    public static final String BASE = "/sgo-sim";
    public static final PlatformDescription PLATFORM = new PlatformDescription("sgo", BASE, "at", "",
            "access_token", FieldNaming.CAMEL_CASE, List.of(ResourceSchema.groups(),
            ResourceSchema.students("students", optional("snils"), optional("subgroup")),
            ResourceSchema.movements(), ResourceSchema.guardians(),
            ResourceSchema.staff("staff", optional("hiredOn")), ResourceSchema.substitutions(),
            ResourceSchema.reference(),
            ResourceSchema.schedule("schedule", required("pairNo", FieldSpec.Type.INTEGER), required("start"),
                    required("end"), optional("subgroup"), required("subjectCode"),
                    oneOf("kind", "lesson", "replacement", "cancellation")),
            ResourceSchema.attestationEvents(),
            ResourceSchema.marks("marks", new FieldSpec("value", FieldSpec.Type.MARK_CELL, true),
                    ResourceSchema.weight()),
            ResourceSchema.attendance("attendance", oneOf("code", "Н", "УП", "НУ", "Б", "ОП")),
            ResourceSchema.lessonTopics("themes", optional("lessonNo", FieldSpec.Type.INTEGER), optional("theme"),
                    optional("workNo", FieldSpec.Type.INTEGER), optional("homework"))));

    public SgoSimulator(Clock clock, FaultInjector faults, TokenRegistry tokens,
                        SimulatorProperties.Platform settings) {
        super(PLATFORM, clock, faults, tokens, settings);
    }
}
