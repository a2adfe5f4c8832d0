package ru.spobridge.simulators.epos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.PlatformMovementContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** ЭПОС.СПО keeps the common contract in snake_case under {@code /epos-sim}. */
class EposPlatformTest extends PlatformMovementContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return epos;
    }

    @Override
    protected long expectedTtlSeconds() {
        return 3600;
    }

    @Test
    void epos_spells_fields_in_snake_case_and_students_live_at_student_profiles() {
        assertThat(path(ResourceKind.STUDENTS)).isEqualTo("/epos-sim/integration/v1/student_profiles");
        assertThat(path(ResourceKind.GUARDIANS)).isEqualTo("/epos-sim/integration/v1/guardians");
        assertThat(wire("toGroupExternalId")).isEqualTo("to_group_external_id");
        assertThat(platform().tokenHeader()).isEqualTo("Auth-Token");
        assertThat(epos.batchLimit()).isEqualTo(500);
    }
}
