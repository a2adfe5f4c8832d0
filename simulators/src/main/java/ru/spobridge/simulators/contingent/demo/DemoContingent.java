package ru.spobridge.simulators.contingent.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Guardian;
import ru.spobridge.simulators.contingent.wsdl.IdentityDocument;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.contingent.wsdl.Study;
import ru.spobridge.simulators.contingent.wsdl.Subgroup;

/**
 * Deterministic demo data of one Perm college: the same seed gives the same groups, students and movements.
 * Exactly eight students are deliberately invalid, each in one field, spread over the list.
 */
public final class DemoContingent {

    /** Fields made invalid, in the order of their positions in the list. */
    static final List<String> INVALID_FIELDS =
            List.of("phone", "email", "snils", "group", "phone", "birthDate", "email", "firstName");
    static final String UNKNOWN_GROUP = "ZZ-99";
    static final String IMPOSSIBLE_DATE = "2007-02-31";

    private record Specialty(String code, String prefix, String name) {
    }

    record Family(String surnameRoot, RussianNames.Father father, List<Guardian> guardians) {
    }

    private static final List<Specialty> SPECIALTIES = List.of(
            new Specialty("15.02.16", "ТМ", "Технология машиностроения"),
            new Specialty("09.02.07", "ИСП", "Информационные системы и программирование"),
            new Specialty("43.02.15", "ПК", "Поварское и кондитерское дело"),
            new Specialty("08.02.01", "СЭЗ", "Строительство и эксплуатация зданий и сооружений"),
            new Specialty("38.02.01", "ЭБУ", "Экономика и бухгалтерский учёт (по отраслям)"),
            new Specialty("44.02.01", "ДО", "Дошкольное образование"),
            new Specialty("34.02.01", "СД", "Сестринское дело"),
            new Specialty("13.02.11", "ЭО", "Техническая эксплуатация электрического и электромеханического оборудования"));
    private static final List<String> OPERATOR_CODES =
            List.of("912", "902", "908", "919", "950", "951", "963", "965", "982", "992", "904");
    /** Admission year of first-course groups: course 4 is "…-21". */
    private static final int FIRST_COURSE_YEAR = 24;
    static final int FIRST_NUMBER = 101;

    private DemoContingent() {
    }

    /** A college without movements. */
    public static DemoCollege generate(String ogrn, int students, int groups, long seed) {
        return generate(ogrn, students, groups, seed, 0);
    }

    /** A college with {@code movements} movements; the students are the same as without them. */
    public static DemoCollege generate(String ogrn, int students, int groups, long seed, int movements) {
        if (students < INVALID_FIELDS.size() + 1 || groups < 1) {
            throw new IllegalArgumentException("demo college needs at least 9 students and 1 group");
        }
        Random random = new Random(seed);
        List<Group> groupList = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            groupList.add(group(g, random));
        }
        Map<Integer, String> invalidAt = new LinkedHashMap<>();
        for (int k = 0; k < INVALID_FIELDS.size(); k++) {
            invalidAt.put((k + 1) * students / (INVALID_FIELDS.size() + 1), INVALID_FIELDS.get(k));
        }
        int[] guardianCounter = {FIRST_NUMBER};
        List<Student> studentList = new ArrayList<>();
        Map<String, String> invalid = new LinkedHashMap<>();
        Family family = null;
        for (int i = 0; i < students; i++) {
            // a few pairs of siblings share the surname, the father's name and the guardians
            boolean sibling = i > 0 && (i - 1) % 97 == 13;
            if (!sibling) {
                family = family(random, guardianCounter);
            }
            Student student = student(ogrn, i, family, groupList.get(i % groups), random);
            String field = invalidAt.get(i);
            if (field != null) {
                spoil(student, field);
                invalid.put(student.getExternalId(), field);
            }
            studentList.add(student);
        }
        // movements draw from their own random so that the students do not depend on how many there are
        List<Movement> movementList = DemoMovements.generate(ogrn, groupList, studentList, invalid, movements,
                new Random(seed * 31 + 7));
        return new DemoCollege(ogrn, List.copyOf(groupList), List.copyOf(studentList), Map.copyOf(invalid),
                movementList);
    }

    private static Group group(int index, Random random) {
        Specialty specialty = SPECIALTIES.get(index % SPECIALTIES.size());
        int course = 1 + (index / SPECIALTIES.size()) % 4;
        int round = index / (SPECIALTIES.size() * 4);
        String code = specialty.prefix() + "-" + (FIRST_COURSE_YEAR - course + 1) + (round == 0 ? "" : "/" + (round + 1));
        Group group = new Group();
        group.setCode(code);
        group.setName(code + " " + specialty.name());
        group.setSpecialty(specialty.code());
        group.setCourse(Integer.toString(course));
        double form = random.nextDouble();
        group.setForm(form < 0.8 ? "очная" : form < 0.92 ? "заочная" : "очно-заочная");
        for (String sub : List.of("1", "2")) {
            Subgroup subgroup = new Subgroup();
            subgroup.setCode(sub);
            subgroup.setName("Подгруппа " + sub);
            group.getSubgroup().add(subgroup);
        }
        return group;
    }

    static Family family(Random random, int[] guardianCounter) {
        String root = RussianNames.pick(RussianNames.SURNAMES, random);
        RussianNames.Father father = RussianNames.pick(RussianNames.FATHERS, random);
        List<Guardian> guardians = new ArrayList<>();
        boolean both = random.nextDouble() < 0.45;
        boolean motherOnly = !both && random.nextDouble() < 0.75;
        if (both || motherOnly) {
            guardians.add(guardian(guardianCounter, "мать", RussianNames.surname(root, true),
                    RussianNames.pick(RussianNames.FEMALE_NAMES, random),
                    RussianNames.pick(RussianNames.FATHERS, random).daughterPatronymic(), random));
        }
        if (both || !motherOnly) {
            guardians.add(guardian(guardianCounter, "отец", root, father.firstName(),
                    RussianNames.pick(RussianNames.FATHERS, random).sonPatronymic(), random));
        }
        return new Family(root, father, guardians);
    }

    private static Guardian guardian(int[] counter, String relation, String lastName, String firstName,
                                     String middleName, Random random) {
        Guardian guardian = new Guardian();
        String number = String.format("%06d", counter[0]++);
        guardian.setExternalId("gdn-" + number);
        guardian.setRelation(relation);
        guardian.setLastName(lastName);
        guardian.setFirstName(firstName);
        guardian.setMiddleName(middleName);
        guardian.setPhone("+7" + mobile(random));
        // most parents gave an e-mail; the few who did not show up as refused guardian accounts (seed 001 §3.1)
        if (random.nextInt(20) != 0) {
            guardian.setEmail("gdn" + number + "@demo.spo-college.example");
        }
        return guardian;
    }

    static Student student(String ogrn, int index, Family family, Group group, Random random) {
        String number = String.format("%06d", FIRST_NUMBER + index);
        boolean female = random.nextBoolean();
        int course = Integer.parseInt(group.getCourse());
        Student student = new Student();
        student.setExternalId("stu-" + number);
        student.setRegionalId("59" + String.format("%08d", 100_000 + index));
        student.setLastName(RussianNames.surname(family.surnameRoot(), female));
        student.setFirstName(RussianNames.pick(female ? RussianNames.FEMALE_NAMES : RussianNames.MALE_NAMES, random));
        student.setMiddleName(female ? family.father().daughterPatronymic() : family.father().sonPatronymic());
        student.setGender(female ? "F" : "M");
        int year = Math.max(2004, Math.min(2010, 2010 - (course - 1) - random.nextInt(4)));
        LocalDate birth = LocalDate.of(year, 1 + random.nextInt(12), 1).plusDays(random.nextInt(28));
        student.setBirthDate(birth.toString());
        student.setSnils(Snils.withChecksum(String.format("%09d", 100_000_000 + random.nextInt(899_999_999))));
        IdentityDocument passport = new IdentityDocument();
        passport.setType("21");
        passport.setSeries("57" + String.format("%02d", 10 + random.nextInt(15)));
        passport.setNumber(String.format("%06d", random.nextInt(1_000_000)));
        passport.setIssueDate(birth.plusYears(14).plusDays(10 + random.nextInt(60)).toString());
        student.setIdentityDocument(passport);
        student.setEmail("stu" + number + "@demo.spo-college.example");
        student.setPhone(phone(mobile(random), random.nextInt(4)));
        Study study = new Study();
        study.setOrg(ogrn);
        study.setSpecialty(group.getSpecialty());
        study.setForm(group.getForm());
        study.setFunding(random.nextDouble() < 0.85 ? "бюджет" : "договор");
        study.setCourse(group.getCourse());
        study.setGroup(group.getCode());
        study.setSubgroup(index % 2 == 0 ? "1" : "2");
        study.setIndividualPlan(random.nextDouble() < 0.015 ? "true" : "false");
        student.setStudy(study);
        student.getGuardian().addAll(family.guardians());
        return student;
    }

    /** Ten digits of a Perm-region mobile number, without the country code. */
    private static String mobile(Random random) {
        return RussianNames.pick(OPERATOR_CODES, random) + String.format("%07d", random.nextInt(10_000_000));
    }

    /** The formats people really type: +7 912 345-67-89, 8 (912) 345-67-89, 89123456789, +79123456789. */
    private static String phone(String ten, int format) {
        String code = ten.substring(0, 3);
        String a = ten.substring(3, 6);
        String b = ten.substring(6, 8);
        String c = ten.substring(8, 10);
        return switch (format) {
            case 0 -> "+7 " + code + " " + a + "-" + b + "-" + c;
            case 1 -> "8 (" + code + ") " + a + "-" + b + "-" + c;
            case 2 -> "8" + ten;
            default -> "+7" + ten;
        };
    }

    private static void spoil(Student student, String field) {
        switch (field) {
            case "phone" -> student.setPhone(null);
            case "email" -> student.setEmail(null);
            case "snils" -> {
                String digits = student.getSnils().replaceAll("\\D", "").substring(0, 9);
                student.setSnils(Snils.format(digits, (Snils.checksum(digits) + 1) % 100));
            }
            case "group" -> student.getStudy().setGroup(UNKNOWN_GROUP);
            case "birthDate" -> student.setBirthDate(IMPOSSIBLE_DATE);
            case "firstName" -> student.setFirstName(null);
            default -> throw new IllegalStateException("no such invalid field: " + field);
        }
    }
}
