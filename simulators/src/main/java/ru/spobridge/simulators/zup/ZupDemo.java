package ru.spobridge.simulators.zup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import ru.spobridge.simulators.contingent.demo.RussianNames;

/**
 * Deterministic demo staff of one college in its ЗУП publication: teachers and masters hired over the past
 * fifteen years, two transfers, two or three recent dismissals, one hire effective 14 days after today, and two
 * people without an e-mail (the hub must reject their accounts per record).
 */
public final class ZupDemo {

    /** A position of the demo catalog and how often it is drawn. */
    public record Position(String code, String title, int weight) {
    }

    /** What one seeding made. */
    public record Seeded(String ogrn, int people, int dismissals, List<String> withoutEmail, String futureHire) {
    }

    public static final List<Position> POSITIONS = List.of(
            new Position("ПРП", "Преподаватель", 26),
            new Position("МПО", "Мастер производственного обучения", 6),
            new Position("ЗДУ", "Заместитель директора по учебной работе", 1),
            new Position("МТД", "Методист", 2),
            new Position("ЗДВ", "Заместитель директора по воспитательной работе", 1),
            new Position("ППС", "Педагог-психолог", 1),
            new Position("СПД", "Социальный педагог", 1),
            new Position("ПДО", "Педагог дополнительного образования", 2));
    static final int FUTURE_HIRE_DAYS = 14;
    private static final List<String> OPERATOR_CODES = List.of("912", "902", "908", "919", "950", "951", "982");
    private static final int YEARS_OF_HIRING = 15;

    private ZupDemo() {
    }

    /** Seeds {@code staff} people into the publication of {@code ogrn}; the same seed gives the same staff. */
    public static Seeded seed(ZupSimulator zup, String ogrn, int staff, long seed) {
        if (staff < 10) {
            throw new IllegalArgumentException("demo staff needs at least 10 people");
        }
        Random random = new Random(seed * 17 + 3);
        LocalDate today = zup.today();
        POSITIONS.forEach(p -> zup.addPosition(ogrn, p.code(), p.title()));
        Set<Integer> withoutEmail = Set.of(staff / 4, 3 * staff / 4);
        int futureHire = staff - 1;
        List<String> people = new ArrayList<>();
        List<String> noEmailKeys = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            String key = person(zup, ogrn, i, withoutEmail.contains(i), random);
            people.add(key);
            if (withoutEmail.contains(i)) {
                noEmailKeys.add(key);
            }
        }
        int[] orderNo = {1};
        List<LocalDate> hired = hiringDates(staff - 1, today, random);
        for (int i = 0; i < futureHire; i++) {
            String position = i < POSITIONS.size() ? POSITIONS.get(i).code() : weighted(random).code();
            zup.hire(ogrn, people.get(i), position, number(orderNo), orderTime(hired.get(i).minusDays(
                    1 + random.nextInt(5)), random), hired.get(i));
        }
        Set<Integer> moved = new HashSet<>();
        for (int t = 0; t < 2; t++) {
            int who = untouched(moved, futureHire, random);
            LocalDate effective = today.minusDays(60 - 10L * t);
            zup.transfer(ogrn, people.get(who), t == 0 ? "МТД" : "ПРП", number(orderNo),
                    orderTime(effective.minusDays(2), random), effective);
        }
        int dismissals = 2 + random.nextInt(2);
        for (int d = 0; d < dismissals; d++) {
            int who = untouched(moved, futureHire, random);
            LocalDate ordered = today.minusDays(30 - 6L * d);
            zup.dismiss(ogrn, people.get(who), number(orderNo), orderTime(ordered, random), ordered.plusDays(3));
        }
        zup.hire(ogrn, people.get(futureHire), "ПРП", number(orderNo), today.minusDays(1).atTime(10, 15),
                today.plusDays(FUTURE_HIRE_DAYS));
        return new Seeded(ogrn, staff, dismissals, List.copyOf(noEmailKeys), people.get(futureHire));
    }

    private static String person(ZupSimulator zup, String ogrn, int index, boolean withoutEmail, Random random) {
        boolean female = random.nextInt(10) < 7;
        RussianNames.Father father = RussianNames.pick(RussianNames.FATHERS, random);
        String number = String.format("%06d", 201 + index);
        String phone = "+7" + RussianNames.pick(OPERATOR_CODES, random) + String.format("%07d",
                random.nextInt(10_000_000));
        return zup.addPerson(ogrn, RussianNames.surname(RussianNames.pick(RussianNames.SURNAMES, random), female),
                RussianNames.pick(female ? RussianNames.FEMALE_NAMES : RussianNames.MALE_NAMES, random),
                female ? father.daughterPatronymic() : father.sonPatronymic(),
                withoutEmail ? null : "stf" + number + "@demo.spo-college.example", phone);
    }

    /** Distinct effective dates of the past hires, oldest first, the newest two months before today. */
    private static List<LocalDate> hiringDates(int count, LocalDate today, Random random) {
        LocalDate first = today.minusYears(YEARS_OF_HIRING);
        int span = (int) (today.minusDays(90).toEpochDay() - first.toEpochDay());
        return random.ints(0, span).distinct().limit(count).sorted()
                .mapToObj(first::plusDays).toList();
    }

    /** A person hired in the past not yet transferred or dismissed. */
    private static int untouched(Set<Integer> moved, int futureHire, Random random) {
        int who;
        do {
            who = random.nextInt(futureHire);
        } while (!moved.add(who));
        return who;
    }

    private static Position weighted(Random random) {
        int total = POSITIONS.stream().mapToInt(Position::weight).sum();
        int draw = random.nextInt(total);
        for (Position position : POSITIONS) {
            draw -= position.weight();
            if (draw < 0) {
                return position;
            }
        }
        throw new IllegalStateException("weights are positive");
    }

    private static LocalDateTime orderTime(LocalDate day, Random random) {
        return day.atTime(9 + random.nextInt(8), random.nextInt(60), random.nextInt(60));
    }

    private static String number(int[] counter) {
        return String.format("К-%04d", counter[0]++);
    }
}
