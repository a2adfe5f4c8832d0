package ru.spobridge.routes.delivery;

import static ru.spobridge.routes.contingent.ContingentIntake.GROUP;
import static ru.spobridge.routes.contingent.ContingentIntake.GUARDIAN;
import static ru.spobridge.routes.contingent.ContingentIntake.MOVEMENT;
import static ru.spobridge.routes.contingent.ContingentIntake.STUDENT;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.spobridge.connectors.aisepo.AisEpo;
import ru.spobridge.connectors.epos.EposSpo;
import ru.spobridge.connectors.sgo.Sgo;
import ru.spobridge.mappings.aisepo.AisEpoContingentMapping;
import ru.spobridge.mappings.epos.EposContingentMapping;
import ru.spobridge.mappings.sgo.SgoContingentMapping;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PlatformTarget.Resource;

/**
 * The three regional platforms. Delivery order per platform: groups, then students (they name a group),
 * then guardians (they name students), then movement orders (they name students and groups).
 */
@Configuration(proxyBeanMethods = false)
public class PlatformTargets {

    @Bean
    PlatformTarget eposTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(EposSpo.PROTOCOL, "external_id", List.of(
                new Resource<>(GROUP, "groups", Group.class, EposContingentMapping::toGroup),
                new Resource<>(STUDENT, "student_profiles", Student.class, EposContingentMapping::toProfile),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, EposContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, EposContingentMapping::toMovement)),
                colleges, properties, json, http, clock);
    }

    @Bean
    PlatformTarget sgoTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(Sgo.PROTOCOL, "externalId", List.of(
                new Resource<>(GROUP, "groups", Group.class, SgoContingentMapping::toGroup),
                new Resource<>(STUDENT, "students", Student.class, SgoContingentMapping::toStudent),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, SgoContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, SgoContingentMapping::toMovement)),
                colleges, properties, json, http, clock);
    }

    @Bean
    PlatformTarget aisEpoTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        return new PlatformTarget(AisEpo.PROTOCOL, "externalId", List.of(
                new Resource<>(GROUP, "groups", Group.class, AisEpoContingentMapping::toGroup),
                new Resource<>(STUDENT, "students", Student.class, AisEpoContingentMapping::toStudent),
                new Resource<>(GUARDIAN, "guardians", GuardianLinks.class, AisEpoContingentMapping::toGuardian),
                new Resource<>(MOVEMENT, "movements", Movement.class, AisEpoContingentMapping::toMovement)),
                colleges, properties, json, http, clock);
    }
}
