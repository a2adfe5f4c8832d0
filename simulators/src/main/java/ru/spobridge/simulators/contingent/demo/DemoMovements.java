package ru.spobridge.simulators.contingent.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;

/**
 * Movements of a demo college in the 2025/26 year, each student's in a valid order with rising effective dates.
 * Students already sit in the group they end up in, so the movements never change the generated students.
 */
final class DemoMovements {

    static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);
    private static final List<List<String>> PATTERNS = List.of(
            List.of("transfer"),
            List.of("academicLeave", "returnFromLeave"),
            List.of("expulsion"),
            List.of("expulsion", "reinstatement"),
            List.of("academicLeave"),
            List.of("transfer", "academicLeave", "returnFromLeave"),
            List.of("academicLeave", "returnFromLeave", "transfer"),
            List.of("academicLeave", "expulsion"),
            List.of("expulsion", "reinstatement", "transfer"));
    private static final Map<String, List<String>> REASONS = Map.of(
            "expulsion", List.of("по собственному желанию", "за академическую неуспеваемость",
                    "в связи с переводом в другую организацию"),
            "academicLeave", List.of("по медицинским показаниям", "в связи с призывом на военную службу",
                    "по семейным обстоятельствам"));

    private DemoMovements() {
    }

    /** Up to {@code count} movements (fewer only when the valid students run out), in effective-date order. */
    static List<Movement> generate(String ogrn, List<Group> groups, List<Student> students,
                                   Map<String, String> invalid, int count, Random random) {
        List<Student> candidates = new ArrayList<>(students.stream()
                .filter(s -> !invalid.containsKey(s.getExternalId())).toList());
        Collections.shuffle(candidates, random);
        List<List<String>> patterns = PATTERNS.stream()
                .filter(p -> groups.size() > 1 || !p.contains("transfer")).toList();
        List<Movement> movements = new ArrayList<>();
        for (Student student : candidates) {
            if (movements.size() >= count) {
                break;
            }
            List<String> pattern = patterns.get(random.nextInt(patterns.size()));
            List<String> kinds = pattern.subList(0, Math.min(pattern.size(), count - movements.size()));
            movements.addAll(ofStudent(student, kinds, groups, random));
        }
        movements.sort(Comparator.comparing(Movement::getEffectiveDate));
        int orderBase = 100 + random.nextInt(100);
        List<Movement> byOrderDate = movements.stream().sorted(Comparator.comparing(Movement::getOrderDate)).toList();
        for (int i = 0; i < byOrderDate.size(); i++) {
            byOrderDate.get(i).setOrderNo((orderBase + i) + "-к");
        }
        for (int i = 0; i < movements.size(); i++) {
            movements.get(i).setExternalId("mov-" + ogrn + "-" + String.format("%04d", i + 1));
        }
        return List.copyOf(movements);
    }

    private static List<Movement> ofStudent(Student student, List<String> kinds, List<Group> groups, Random random) {
        List<LocalDate> dates = effectiveDates(kinds.size(), random);
        List<Movement> movements = new ArrayList<>();
        // walk back from the group the student ends in
        String group = student.getStudy().getGroup();
        for (int i = kinds.size() - 1; i >= 0; i--) {
            Movement movement = new Movement();
            movement.setStudentExternalId(student.getExternalId());
            movement.setKind(kinds.get(i));
            movement.setEffectiveDate(dates.get(i).toString());
            // an order is signed after the student's previous movement took effect and before this one does
            LocalDate earliest = i == 0 ? FIRST_DAY : dates.get(i - 1);
            LocalDate ordered = dates.get(i).minusDays(random.nextInt(8));
            movement.setOrderDate((ordered.isBefore(earliest) ? earliest : ordered).toString());
            List<String> reasons = REASONS.get(kinds.get(i));
            if (reasons != null) {
                movement.setReason(reasons.get(random.nextInt(reasons.size())));
            }
            if ("transfer".equals(kinds.get(i))) {
                movement.setToGroup(group);
                group = otherGroup(group, groups, random);
                movement.setFromGroup(group);
            } else if ("reinstatement".equals(kinds.get(i))) {
                movement.setToGroup(group);
            }
            movements.add(0, movement);
        }
        return movements;
    }

    /** {@code n} distinct days of the study year, ascending. */
    private static List<LocalDate> effectiveDates(int n, Random random) {
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY);
        TreeSet<Integer> offsets = new TreeSet<>();
        while (offsets.size() < n) {
            offsets.add(random.nextInt(days + 1));
        }
        return offsets.stream().map(FIRST_DAY::plusDays).toList();
    }

    /** Another group, of the same course when there is one. */
    private static String otherGroup(String code, List<Group> groups, Random random) {
        String course = groups.stream().filter(g -> g.getCode().equals(code)).map(Group::getCourse)
                .findFirst().orElse(null);
        List<Group> others = groups.stream().filter(g -> !g.getCode().equals(code)).toList();
        List<Group> sameCourse = others.stream().filter(g -> g.getCourse().equals(course)).toList();
        List<Group> pool = sameCourse.isEmpty() ? others : sameCourse;
        return pool.get(random.nextInt(pool.size())).getCode();
    }
}
