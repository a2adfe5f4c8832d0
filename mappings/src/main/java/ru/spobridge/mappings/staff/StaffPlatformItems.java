package ru.spobridge.mappings.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import ru.spobridge.model.staff.StaffAccount;
import ru.spobridge.model.staff.SubstitutionGrant;
import ru.spobridge.model.staff.Workload;

/**
 * Staff, substitution and workload items of the three platforms (staff per shared/contracts; substitutions are our
 * extension: access to the absent teacher's groups × disciplines for the dates of the replacement).
 */
public final class StaffPlatformItems {

    private StaffPlatformItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposStaffProfile(@JsonProperty("external_id") String externalId, @JsonProperty("last_name") String lastName,
                                   @JsonProperty("first_name") String firstName, @JsonProperty("middle_name") String middleName,
                                   @JsonProperty("email") String email, @JsonProperty("phone") String phone,
                                   @JsonProperty("position") String position, @JsonProperty("roles") List<String> roles) {
    }

    /** СГО and АИС ЭПО take the same staff item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Staff(String externalId, String lastName, String firstName, String middleName, String email, String phone,
                        String position, String hiredOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposSubstitution(@JsonProperty("external_id") String externalId,
                                   @JsonProperty("absent_teacher_external_id") String absentTeacherExternalId,
                                   @JsonProperty("substitute_teacher_external_id") String substituteTeacherExternalId,
                                   @JsonProperty("date_from") String dateFrom, @JsonProperty("date_to") String dateTo,
                                   @JsonProperty("scope") List<EposScope> scope) {
    }

    public record EposScope(@JsonProperty("group_external_id") String groupExternalId, @JsonProperty("discipline_code") String disciplineCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Substitution(String externalId, String absentTeacherExternalId, String substituteTeacherExternalId,
                               String dateFrom, String dateTo, List<Scope> scope) {
    }

    public record Scope(String groupExternalId, String disciplineCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoWorkload(String externalId, String teacherExternalId, String groupExternalId, Integer subgroupNo,
                                 String disciplineCode, String disciplineKind, int hours) {
    }

    public static EposStaffProfile toEposStaff(StaffAccount account) {
        var member = account.member();
        return new EposStaffProfile(member.key().sourceId(), member.name().lastName(), member.name().firstName(), member.name().middleName(),
                member.email().value(), member.phone().value(), account.positionTitle(),
                account.role() == null ? List.of() : List.of(account.role().name().toLowerCase(Locale.ROOT)));
    }

    public static Staff toStaff(StaffAccount account) {
        var member = account.member();
        return new Staff(member.key().sourceId(), member.name().lastName(), member.name().firstName(), member.name().middleName(),
                member.email().value(), member.phone().value(), account.positionTitle(),
                account.hiredOn() == null ? null : account.hiredOn().toString());
    }

    public static EposSubstitution toEposSubstitution(SubstitutionGrant grant) {
        var substitution = grant.substitution();
        return new EposSubstitution(substitution.key().sourceId(), substitution.absentTeacherId(), substitution.substituteId(),
                substitution.from().toString(), substitution.to().toString(),
                grant.scope().stream().map(scope -> new EposScope(scope.groupCode(), scope.disciplineCode())).toList());
    }

    public static Substitution toSubstitution(SubstitutionGrant grant) {
        var substitution = grant.substitution();
        return new Substitution(substitution.key().sourceId(), substitution.absentTeacherId(), substitution.substituteId(),
                substitution.from().toString(), substitution.to().toString(),
                grant.scope().stream().map(scope -> new Scope(scope.groupCode(), scope.disciplineCode())).toList());
    }

    public static AisEpoWorkload toAisEpoWorkload(Workload workload) {
        Integer subgroup = workload.subgroupCode() == null || workload.subgroupCode().replaceAll("\\D", "").isEmpty() ? null
                : Integer.valueOf(workload.subgroupCode().replaceAll("\\D", ""));
        return new AisEpoWorkload(workload.key().sourceId(), workload.teacherId(), workload.groupCode(), subgroup,
                workload.disciplineCode(), workload.disciplineKind().label(), workload.hours());
    }
}
