package ru.spobridge.simulators.contingent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Guardian;
import ru.spobridge.simulators.contingent.wsdl.Student;

class DemoContingentTest {

    private static final DemoCollege COLLEGE = DemoContingent.generate("1025900000015", 640, 27, 42);

    @Test
    void default_college_has_27_groups_and_640_students() {
        assertThat(COLLEGE.groups()).hasSize(27).hasSizeGreaterThanOrEqualTo(25);
        assertThat(COLLEGE.students()).hasSize(640).hasSizeGreaterThanOrEqualTo(600);
        assertThat(COLLEGE.students().get(0).getExternalId()).isEqualTo("stu-000101");
        assertThat(COLLEGE.students()).extracting(Student::getExternalId).doesNotHaveDuplicates();
    }

    @Test
    void same_seed_gives_the_same_college_and_another_seed_another() {
        DemoCollege again = DemoContingent.generate("1025900000015", 640, 27, 42);
        DemoCollege other = DemoContingent.generate("1025900000015", 640, 27, 43);

        assertThat(fingerprint(again)).isEqualTo(fingerprint(COLLEGE));
        assertThat(fingerprint(other)).isNotEqualTo(fingerprint(COLLEGE));
        assertThat(again.invalidFieldByExternalId()).isEqualTo(COLLEGE.invalidFieldByExternalId());
    }

    @Test
    void groups_have_unique_realistic_codes_and_two_subgroups() {
        assertThat(COLLEGE.groups()).extracting(Group::getCode).doesNotHaveDuplicates()
                .contains("ТМ-24", "ИСП-23", "ПК-22", "ТМ-21")
                .allSatisfy(code -> assertThat(code).matches("[А-Я]{2,3}-2[1-4](/\\d+)?"));
        assertThat(COLLEGE.groups()).extracting(Group::getSpecialty).contains("15.02.16", "09.02.07", "43.02.15",
                "08.02.01", "38.02.01", "44.02.01", "34.02.01", "13.02.11");
        assertThat(COLLEGE.groups()).allSatisfy(g -> {
            assertThat(g.getSubgroup()).extracting("code").containsExactly("1", "2");
            assertThat(g.getForm()).isIn("очная", "заочная", "очно-заочная");
            assertThat(Integer.parseInt(g.getCourse())).isBetween(1, 4);
        });
    }

    @Test
    void exactly_the_described_students_are_invalid_each_in_one_field() {
        Map<String, String> expected = COLLEGE.invalidFieldByExternalId();
        Map<String, Long> perField = expected.values().stream()
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));

        assertThat(perField).isEqualTo(Map.of("phone", 2L, "email", 2L, "snils", 1L, "group", 1L,
                "birthDate", 1L, "firstName", 1L));
        Map<String, String> found = new HashMap<>();
        for (Student student : COLLEGE.students()) {
            List<String> problems = problems(student);
            assertThat(problems).hasSizeLessThanOrEqualTo(1);
            problems.forEach(p -> found.put(student.getExternalId(), p));
        }
        assertThat(found).isEqualTo(expected);
        assertThat(COLLEGE.students().stream().filter(s -> "ZZ-99".equals(s.getStudy().getGroup()))).hasSize(1);
        assertThat(COLLEGE.students().stream().filter(s -> "2007-02-31".equals(s.getBirthDate()))).hasSize(1);
    }

    @Test
    void invalid_students_are_spread_over_the_list() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < COLLEGE.students().size(); i++) {
            if (COLLEGE.invalidFieldByExternalId().containsKey(COLLEGE.students().get(i).getExternalId())) {
                positions.add(i);
            }
        }
        assertThat(positions).hasSize(8);
        assertThat(positions.get(0)).isGreaterThan(30);
        assertThat(positions.get(7)).isLessThan(610);
    }

    @Test
    void every_snils_but_the_spoiled_one_passes_the_checksum() {
        long valid = COLLEGE.students().stream().filter(s -> Snils.isValid(s.getSnils())).count();

        assertThat(valid).isEqualTo(639);
        assertThat(COLLEGE.students()).allSatisfy(s -> assertThat(s.getSnils()).matches("\\d{3}-\\d{3}-\\d{3} \\d{2}"));
    }

    @Test
    void phones_come_in_varied_real_world_formats() {
        Set<String> shapes = COLLEGE.students().stream().map(Student::getPhone).filter(p -> p != null)
                .map(p -> p.replaceAll("\\d", "9")).collect(Collectors.toSet());

        assertThat(shapes).contains("+9 999 999-99-99", "9 (999) 999-99-99", "99999999999", "+99999999999");
    }

    @Test
    void siblings_share_one_guardian_and_everyone_has_one_or_two() {
        Map<String, Set<String>> childrenByGuardian = new HashMap<>();
        for (Student student : COLLEGE.students()) {
            assertThat(student.getGuardian()).hasSizeBetween(1, 2);
            assertThat(student.getGuardian()).extracting(Guardian::getRelation).allMatch(r -> Set.of("мать", "отец").contains(r));
            student.getGuardian().forEach(g -> childrenByGuardian
                    .computeIfAbsent(g.getExternalId(), k -> new java.util.HashSet<>()).add(student.getExternalId()));
        }
        long shared = childrenByGuardian.values().stream().filter(children -> children.size() == 2).count();

        assertThat(shared).isGreaterThanOrEqualTo(3);
        assertThat(childrenByGuardian.keySet()).allMatch(id -> id.matches("gdn-\\d{6}"));
    }

    @Test
    void a_few_students_study_on_an_individual_plan() {
        long individual = COLLEGE.students().stream()
                .filter(s -> "true".equals(s.getStudy().getIndividualPlan())).count();

        assertThat(individual).isBetween(1L, 30L);
    }

    @Test
    void snils_checksum_follows_the_pension_fund_rule() {
        assertThat(Snils.checksum("112233445")).isEqualTo(95);
        assertThat(Snils.isValid("112-233-445 95")).isTrue();
        assertThat(Snils.isValid("112-233-445 96")).isFalse();
        // 9*9+8*8+... sums over 101 fold mod 101
        assertThat(Snils.checksum("999999999")).isEqualTo(405 % 101);
        // a sum of exactly 100 gives 00
        assertThat(Snils.checksum("911001000")).isEqualTo(0);
        assertThat(Snils.checksum("911001001")).isEqualTo(0);
    }

    private static List<String> problems(Student s) {
        Set<String> groups = COLLEGE.groups().stream().map(Group::getCode).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        if (s.getPhone() == null || !s.getPhone().replaceAll("\\D", "").matches("[78]9\\d{9}")) {
            problems.add("phone");
        }
        if (s.getEmail() == null || !s.getEmail().contains("@")) {
            problems.add("email");
        }
        if (!Snils.isValid(s.getSnils())) {
            problems.add("snils");
        }
        if (!groups.contains(s.getStudy().getGroup())) {
            problems.add("group");
        }
        if (!realDate(s.getBirthDate())) {
            problems.add("birthDate");
        }
        if (s.getFirstName() == null || s.getFirstName().isBlank()) {
            problems.add("firstName");
        }
        return problems;
    }

    private static boolean realDate(String text) {
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return date.getYear() >= 2004 && date.getYear() <= 2010;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String fingerprint(DemoCollege college) {
        return college.students().stream()
                .map(s -> s.getExternalId() + s.getLastName() + s.getFirstName() + s.getSnils() + s.getPhone())
                .collect(Collectors.joining("|"));
    }
}
