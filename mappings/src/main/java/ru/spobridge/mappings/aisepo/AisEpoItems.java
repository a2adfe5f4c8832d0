package ru.spobridge.mappings.aisepo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Items of the АИС ЭПО integration API (shared/contracts/ruobr-aisepo.md); a subgroup is a number there. */
public final class AisEpoItems {

    private AisEpoItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoGroup(String externalId, String name, int course, String specialtyCode, String form, List<Subgroup> subgroups) {
    }

    public record Subgroup(String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoStudent(String externalId, String lastName, String firstName, String middleName, String birthDate,
                                String email, String phone, String groupExternalId, Integer subgroupNo, String studyForm,
                                boolean individualPlan) {
        @Override
        public String toString() {
            return "AisEpoStudent[" + externalId + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoMovement(String externalId, String studentExternalId, String kind, String orderNo, String orderDate,
                                 String effectiveDate, String toGroupExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoGuardian(String externalId, String lastName, String firstName, String middleName, String email,
                                 String phone, String relation, List<String> studentExternalIds) {
        @Override
        public String toString() {
            return "AisEpoGuardian[" + externalId + "]";
        }
    }
}
