package ru.spobridge.bench;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.asc.AscExpansion;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.mappings.asc.AscTimetableParser;
import ru.spobridge.mappings.contingent.ContingentGroupMapping;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentStudentMapping;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.model.Group;
import ru.spobridge.model.Student;

/**
 * Regional-scale import figures, each against a baseline measured in the same run:
 * the streaming aSc parser against a DOM parse of the same export (time and heap), and the contingent mapping of a
 * region's students against merely copying the same records (what checking every field costs per record).
 * Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -jar bench/target/spo-bridge-bench.jar [classes] [students] [commits]};
 * ends with {@link StoreCommitBenchmark}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int classes = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int students = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String export = ascExport(classes);
        int cards = classes * 40;
        System.out.printf("aSc export: %d classes, %d cards, %.1f MB%n", classes, cards, export.length() / 1e6);
        for (int warmup = 0; warmup < 2; warmup++) {
            AscTimetableParser.parse("warmup.xml", new StringReader(export));
            dom(export);
        }
        long[] streaming = measure(() -> AscTimetableParser.parse("bench.xml", new StringReader(export)));
        long[] dom = measure(() -> dom(export));
        System.out.printf("streaming parser: %d ms (%.0f cards/s), heap held %.1f MB%n", streaming[0], cards * 1000.0 / Math.max(1, streaming[0]),
                streaming[1] / 1e6);
        System.out.printf("DOM baseline:     %d ms (%.0f cards/s), heap held %.1f MB%n", dom[0], cards * 1000.0 / Math.max(1, dom[0]), dom[1] / 1e6);
        System.out.printf("ratio streaming/DOM: time %.2f, heap %.2f%n", (double) streaming[0] / Math.max(1, dom[0]),
                (double) streaming[1] / Math.max(1, dom[1]));

        var parsed = AscTimetableParser.parse("bench.xml", new StringReader(export));
        Map<AscMatching.Kind, Map<String, String>> candidates = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        for (int c = 0; c < classes; c++) {
            groups.put("ГР-" + c, "ГР-" + c);
        }
        candidates.put(AscMatching.Kind.GROUP, groups);
        candidates.put(AscMatching.Kind.TEACHER, Map.of("per-1", "Иванова Анна Петровна"));
        candidates.put(AscMatching.Kind.ROOM, Map.of("214", "214"));
        candidates.put(AscMatching.Kind.SUBJECT, Map.of("ОП.01", "Основы программирования"));
        candidates.put(AscMatching.Kind.SUBGROUP, Map.of());
        long start = System.nanoTime();
        var matches = AscMatching.match(parsed.timetable(), Map.of(), candidates);
        var week = AscExpansion.expand("bench", parsed.timetable(), matches, LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 13), LocalDate.of(2026, 9, 1));
        long expandMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("match + expand one week: %d lessons in %d ms (%.0f lessons/s)%n", week.lessons().size(), expandMs,
                week.lessons().size() * 1000.0 / Math.max(1, expandMs));

        List<ContingentStudentRecord> records = students(students, classes);
        Map<String, Group> known = new HashMap<>();
        for (int c = 0; c < classes; c++) {
            Mapped<Group> group = ContingentGroupMapping.toGroup("bench", new ContingentGroupRecord("ГР-" + c, "ГР-" + c, "09.02.07", "2", "очная", List.of()));
            known.put(group.value().code(), group.value());
        }
        for (int warmup = 0; warmup < 2; warmup++) {
            map(records, known);
            copy(records);
        }
        long mapStart = System.nanoTime();
        int valid = map(records, known);
        long mapMs = (System.nanoTime() - mapStart) / 1_000_000;
        long copyStart = System.nanoTime();
        copy(records);
        long copyMs = Math.max(1, (System.nanoTime() - copyStart) / 1_000_000);
        System.out.printf("contingent mapping: %d students (%d valid) in %d ms (%.0f records/s); copy baseline %d ms; ratio %.1f%n",
                records.size(), valid, mapMs, records.size() * 1000.0 / Math.max(1, mapMs), copyMs, (double) mapMs / copyMs);

        StoreCommitBenchmark.run(args.length > 2 ? Integer.parseInt(args[2]) : 5_000);
    }

    private static int map(List<ContingentStudentRecord> records, Map<String, Group> groups) {
        int valid = 0;
        for (ContingentStudentRecord record : records) {
            Mapped<Student> mapped = ContingentStudentMapping.toStudent("bench", record, groups);
            valid += mapped.isValid() ? 1 : 0;
        }
        return valid;
    }

    private static List<ContingentStudentRecord> copy(List<ContingentStudentRecord> records) {
        List<ContingentStudentRecord> copies = new ArrayList<>(records.size());
        for (ContingentStudentRecord r : records) {
            copies.add(new ContingentStudentRecord(r.externalId(), r.regionalId(), r.lastName(), r.firstName(), r.middleName(), r.gender(),
                    r.birthDate(), r.snils(), r.email(), r.phone(), r.specialty(), r.form(), r.course(), r.group(), r.subgroup(),
                    r.individualPlan(), r.guardians()));
        }
        return copies;
    }

    /** Time in ms and heap still held afterwards by what the parse returned. */
    private static long[] measure(java.util.concurrent.Callable<Object> parse) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        Object result = parse.call();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long held = runtime.totalMemory() - runtime.freeMemory() - before;
        if (result == null) {
            throw new IllegalStateException("nothing parsed");
        }
        return new long[] {ms, Math.max(0, held)};
    }

    private static Document dom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String ascExport(int classes) {
        StringBuilder xml = new StringBuilder("<timetable><periods columns=\"period,name,short,starttime,endtime\">");
        for (int p = 1; p <= 8; p++) {
            xml.append("<period period=\"").append(p).append("\" name=\"").append(p).append("\" short=\"").append(p)
                    .append("\" starttime=\"").append(7 + p).append(":00\" endtime=\"").append(7 + p).append(":45\"/>");
        }
        xml.append("</periods><subjects columns=\"id,name,short\"><subject id=\"S1\" name=\"ОП.01 Основы программирования\" short=\"ОП01\"/></subjects>")
                .append("<teachers columns=\"id,name,short,firstname,lastname\"><teacher id=\"T1\" name=\"Иванова А.П.\" short=\"ИвА\" firstname=\"А.П.\" lastname=\"Иванова\"/></teachers>")
                .append("<classrooms columns=\"id,name,short\"><classroom id=\"R1\" name=\"214\" short=\"214\"/></classrooms><classes columns=\"id,name,short\">");
        for (int c = 0; c < classes; c++) {
            xml.append("<class id=\"C").append(c).append("\" name=\"ГР-").append(c).append("\" short=\"ГР-").append(c).append("\"/>");
        }
        xml.append("</classes><lessons columns=\"id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek\">");
        for (int c = 0; c < classes; c++) {
            xml.append("<lesson id=\"L").append(c).append("\" subjectid=\"S1\" classids=\"C").append(c)
                    .append("\" groupids=\"\" teacherids=\"T1\" classroomids=\"R1\" periodspercard=\"1\" periodsperweek=\"40\"/>");
        }
        xml.append("</lessons><cards columns=\"lessonid,period,days,weeks,terms,classroomids\">");
        String[] days = {"10000", "01000", "00100", "00010", "00001"};
        for (int c = 0; c < classes; c++) {
            for (String day : days) {
                for (int p = 1; p <= 8; p++) {
                    xml.append("<card lessonid=\"L").append(c).append("\" period=\"").append(p).append("\" days=\"").append(day)
                            .append("\" weeks=\"1\" terms=\"1\" classroomids=\"R1\"/>");
                }
            }
        }
        return xml.append("</cards></timetable>").toString();
    }

    private static List<ContingentStudentRecord> students(int count, int classes) {
        List<ContingentStudentRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String nine = String.format("%09d", 100_000_000 + i);
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (nine.charAt(d) - '0') * (9 - d);
            }
            int check = sum < 100 ? sum : (sum % 101 == 100 ? 0 : sum % 101);
            String snils = nine.substring(0, 3) + "-" + nine.substring(3, 6) + "-" + nine.substring(6) + " " + String.format("%02d", check);
            records.add(new ContingentStudentRecord("stu-" + i, null, "Студентова", "Анна", "Петровна", "F", "2008-03-14", snils,
                    "s" + i + "@bench.example", "8 (912) 345-67-" + String.format("%02d", i % 100), "09.02.07", "очная", "2",
                    "ГР-" + (i % classes), null, "false", List.of()));
        }
        return records;
    }
}
