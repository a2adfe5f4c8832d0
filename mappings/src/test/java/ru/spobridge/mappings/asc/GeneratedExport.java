package ru.spobridge.mappings.asc;

import java.io.Reader;
import java.util.Iterator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A large aSc export produced line by line while it is read, so the test never holds the whole file: per class four
 * whole-class lessons (bells 1, 2, 4, 5) and two subgroup lessons sharing bell 3, each on six days — 36 cards a class.
 */
final class GeneratedExport extends Reader {

    static final int DAYS = 6;
    static final int CARDS_PER_CLASS = 6 * DAYS;

    private final Iterator<String> lines;
    private String current = "";
    private int position;

    GeneratedExport(int classes, int teachers, int rooms) {
        this.lines = Stream.of(
                Stream.of("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<timetable ascttversion=\"2021.6.2\" importtype=\"database\">\n",
                        "<periods columns=\"period,name,short,starttime,endtime\">\n"),
                IntStream.rangeClosed(1, 5).mapToObj(p -> "<period period=\"" + p + "\" name=\"" + p + "\" short=\"" + p + "\" starttime=\""
                        + (8 + 2 * (p - 1)) + ":30\" endtime=\"" + (10 + 2 * (p - 1)) + ":00\"/>\n"),
                Stream.of("</periods>\n<subjects columns=\"id,name,short,partner_id\">\n"),
                IntStream.range(0, 6).mapToObj(s -> "<subject id=\"S" + s + "\" name=\"Дисциплина " + s + "\" short=\"D" + s + "\" partner_id=\"\"/>\n"),
                Stream.of("</subjects>\n<teachers columns=\"id,name,short\">\n"),
                IntStream.range(0, teachers).mapToObj(t -> "<teacher id=\"T" + t + "\" name=\"Преподаватель " + t + "\" short=\"P" + t + "\"/>\n"),
                Stream.of("</teachers>\n<classrooms columns=\"id,name,short,capacity\">\n"),
                IntStream.range(0, rooms).mapToObj(r -> "<classroom id=\"R" + r + "\" name=\"" + (100 + r) + "\" short=\"" + (100 + r) + "\" capacity=\"*\"/>\n"),
                Stream.of("</classrooms>\n<classes columns=\"id,name,short\">\n"),
                IntStream.range(0, classes).mapToObj(c -> "<class id=\"C" + c + "\" name=\"ГР-" + c + "\" short=\"ГР-" + c + "\"/>\n"),
                Stream.of("</classes>\n<groups columns=\"id,classid,name,entireclass,divisiontag\">\n"),
                IntStream.range(0, classes).mapToObj(c -> "<group id=\"G" + c + "a\" classid=\"C" + c + "\" name=\"1 подгруппа\" entireclass=\"0\" divisiontag=\"1\"/>\n"
                        + "<group id=\"G" + c + "b\" classid=\"C" + c + "\" name=\"2 подгруппа\" entireclass=\"0\" divisiontag=\"1\"/>\n"),
                Stream.of("</groups>\n<lessons columns=\"id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek\">\n"),
                IntStream.range(0, classes).boxed().flatMap(c -> IntStream.range(0, 6).mapToObj(s -> "<lesson id=\"L" + c + "_" + s + "\" subjectid=\"S" + s
                        + "\" classids=\"C" + c + "\" groupids=\"" + (s < 4 ? "" : "G" + c + (s == 4 ? "a" : "b")) + "\" teacherids=\"T" + ((c * 6 + s) % teachers)
                        + "\" classroomids=\"R" + ((c * 6 + s) % rooms) + "\" periodspercard=\"1\" periodsperweek=\"6.0\"/>\n")),
                Stream.of("</lessons>\n<cards columns=\"lessonid,period,days,weeks,terms,classroomids\">\n"),
                IntStream.range(0, classes).boxed().flatMap(c -> IntStream.range(0, 6).boxed().flatMap(s -> IntStream.range(0, DAYS).mapToObj(d ->
                        "<card lessonid=\"L" + c + "_" + s + "\" period=\"" + new int[] {1, 2, 4, 5, 3, 3}[s] + "\" days=\"" + "0".repeat(d) + "1"
                                + "0".repeat(DAYS - 1 - d) + "\" weeks=\"1\" terms=\"1\" classroomids=\"\"/>\n"))),
                Stream.of("</cards>\n</timetable>\n")).flatMap(s -> s).iterator();
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        while (position == current.length()) {
            if (!lines.hasNext()) {
                return -1;
            }
            current = lines.next();
            position = 0;
        }
        int n = Math.min(length, current.length() - position);
        current.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    @Override
    public void close() {
        // generated on the fly, nothing to release
    }
}
