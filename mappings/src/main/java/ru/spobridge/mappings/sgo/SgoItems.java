package ru.spobridge.mappings.sgo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Items of the СГО integration API (shared/contracts/sgo.md), camelCase as the platform's /webapi. */
public final class SgoItems {

    private SgoItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoGroup(String externalId, String name, int course, String specialtyCode, String form, List<Subgroup> subgroups) {
    }

    public record Subgroup(String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoStudent(String externalId, String lastName, String firstName, String middleName, String birthDate,
                             String snils, String email, String phone, String groupExternalId, String subgroup,
                             String studyForm, boolean individualPlan) {
        @Override
        public String toString() {
            return "SgoStudent[" + externalId + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoMovement(String externalId, String studentExternalId, String kind, String orderNo, String orderDate,
                              String effectiveDate, String toGroupExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoGuardian(String externalId, String lastName, String firstName, String middleName, String email,
                              String phone, String relation, List<String> studentExternalIds) {
        @Override
        public String toString() {
            return "SgoGuardian[" + externalId + "]";
        }
    }
}
