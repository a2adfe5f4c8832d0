package ru.spobridge.mappings.contingent;

import java.util.List;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Group;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.Subgroup;

/** ИС «Контингент» group → canonical {@link Group}. */
public final class ContingentGroupMapping {

    private ContingentGroupMapping() {
    }

    public static Mapped<Group> toGroup(String collegeId, ContingentGroupRecord record) {
        String key = record.code() == null || record.code().isBlank() ? "(без кода)" : record.code();
        FieldCollector fields = new FieldCollector(key);
        Integer course = fields.field(() -> FieldCollector.integer(record.course(), "course", "курс"));
        StudyForm form = fields.field(() -> StudyForm.fromLabel(record.form()));
        if (record.name() == null || record.name().isBlank()) {
            fields.reject("name", "REQUIRED", "Не указано название группы");
        }
        List<Subgroup> subgroups = record.subgroups().stream()
                .map(subgroup -> new Subgroup(subgroup.code(), subgroup.name()))
                .toList();
        fields.check(Group.problems(record.code(), course));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        Group group = fields.field(() -> new Group(collegeId, record.code(), record.name().strip(),
                record.specialty(), course, form, subgroups));
        return group == null ? Mapped.failed(fields.errors()) : Mapped.ok(group);
    }
}
