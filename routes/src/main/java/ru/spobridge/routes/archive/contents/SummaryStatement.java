package ru.spobridge.routes.archive.contents;

import java.util.List;
import java.util.Map;

/**
 * Сводная ведомость итоговых оценок of one group for one school year (seed 002 §7.5, seed 004 §5.4): the college, the
 * group with its specialty and course, the disciplines in the curriculum's order, each student's final mark per
 * discipline as written in the journal (5, 4/5, зач, н/а…), and the signatures block. An official document: it names
 * students in full, so it is never logged ({@link #toString()} leaves them out).
 */
public record SummaryStatement(String collegeName, String groupCode, String specialtyCode, String specialtyName, Integer course,
                               String schoolYear, List<Discipline> disciplines, List<StudentMarks> students, List<String> signatures) {

    public static final String TITLE = "Сводная ведомость итоговых оценок";

    /** Who signs a summary statement. */
    public static final List<String> SIGNATURES = List.of("Директор", "Заместитель директора по учебной работе", "Куратор группы");

    /** The blank a signature and its transcript are written on. */
    public static final String SIGNATURE_LINE = "________________ / ________________";

    public record Discipline(String code, String name) {
    }

    /** One student's row: full name and final mark by discipline code (a discipline without one is absent). */
    public record StudentMarks(String fullName, Map<String, String> marks) {

        public StudentMarks {
            marks = Map.copyOf(marks);
        }

        public String mark(String disciplineCode) {
            return marks.getOrDefault(disciplineCode, "");
        }

        @Override
        public String toString() {
            return "StudentMarks[" + marks.size() + " marks]";
        }
    }

    public SummaryStatement {
        disciplines = List.copyOf(disciplines);
        students = List.copyOf(students);
        signatures = List.copyOf(signatures);
    }

    /** The specialty as it is printed: code and name, or what of them is known. */
    public String specialty() {
        if (specialtyCode == null) {
            return specialtyName == null ? "" : specialtyName;
        }
        return specialtyName == null ? specialtyCode : specialtyCode + " " + specialtyName;
    }

    @Override
    public String toString() {
        return "SummaryStatement[" + groupCode + ", " + schoolYear + ", " + students.size() + " students, " + disciplines.size() + " disciplines]";
    }
}
