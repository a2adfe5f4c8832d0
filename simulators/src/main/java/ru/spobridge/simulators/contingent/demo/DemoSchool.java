package ru.spobridge.simulators.contingent.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Student;

/**
 * Deterministic demo data of one Perm school (seed 004): classes named by parallel and letter («5А», «5Б», «7А», …)
 * and their pupils, children's ages, parents as guardians; no movements and no deliberately invalid records. The
 * school's registry («АИС», seed 004 §3.2) is served by the Контингент simulator, as the colleges' registry is.
 */
public final class DemoSchool {

    /** Parallels of the demo school's classes in the order they are made; letters go А, Б, В within a parallel. */
    private static final List<Integer> PARALLELS = List.of(5, 7, 9, 1, 11, 6, 8, 10, 2, 3, 4);
    private static final String LETTERS = "АБВГД";
    /** Pupils of parallel 1 were born in this year or the one before (the 2026/27 school year). */
    private static final int FIRST_PARALLEL_BIRTH_YEAR = 2019;

    private DemoSchool() {
    }

    public static DemoCollege generate(String ogrn, int pupils, int classes, long seed) {
        if (pupils < 1 || classes < 1 || classes > PARALLELS.size() * LETTERS.length()) {
            throw new IllegalArgumentException("demo school needs pupils and 1–55 classes");
        }
        Random random = new Random(seed);
        List<Group> classList = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classList.add(classUnit(PARALLELS.get(c / 2 % PARALLELS.size()), LETTERS.charAt(c % 2 + c / (2 * PARALLELS.size()) * 2)));
        }
        int[] guardianCounter = {DemoContingent.FIRST_NUMBER + 50_000};
        List<Student> pupilList = new ArrayList<>();
        for (int i = 0; i < pupils; i++) {
            Group unit = classList.get(i % classes);
            Student pupil = DemoContingent.student(ogrn, 50_000 + i, DemoContingent.family(random, guardianCounter), unit, random);
            int parallel = Integer.parseInt(unit.getCourse());
            int year = FIRST_PARALLEL_BIRTH_YEAR - (parallel - 1) - random.nextInt(2);
            pupil.setBirthDate(LocalDate.of(year, 1 + random.nextInt(12), 1).plusDays(random.nextInt(28)).toString());
            // a child under 14 has a birth certificate, not a passport
            pupil.setIdentityDocument(null);
            pupil.setEmail(pupil.getExternalId().replace("-", "") + "@demo.school.example");
            pupil.getStudy().setSpecialty(null);
            pupil.getStudy().setSubgroup(null);
            pupil.getStudy().setFunding("бюджет");
            pupil.getStudy().setIndividualPlan("false");
            pupilList.add(pupil);
        }
        return new DemoCollege(ogrn, List.copyOf(classList), List.copyOf(pupilList), Map.of(), List.of());
    }

    private static Group classUnit(int parallel, char letter) {
        Group unit = new Group();
        String name = parallel + String.valueOf(letter);
        unit.setCode(name);
        unit.setName(name);
        unit.setCourse(Integer.toString(parallel));
        unit.setForm("очная");
        return unit;
    }
}
