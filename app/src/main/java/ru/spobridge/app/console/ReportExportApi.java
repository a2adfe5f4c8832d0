package ru.spobridge.app.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.reconciliation.Drift;
import ru.spobridge.routes.reconciliation.ReconciliationReports;
import ru.spobridge.routes.staff.StaffSla;

/**
 * The console's reports as files, one college each: staff orders against the same-day rule, late marks, lessons
 * without entries, marks sent against accepted, and the latest reconciliation with each platform. Audited as exports.
 */
@RestController
@RequestMapping("/api/colleges/{college}/reports")
public class ReportExportApi {

    private final Colleges colleges;
    private final StaffSla sla;
    private final MarksReports marks;
    private final ReconciliationReports reconciliation;
    private final TableExport export;
    private final Access access;

    public ReportExportApi(Colleges colleges, StaffSla sla, MarksReports marks, ReconciliationReports reconciliation, TableExport export,
                           Access access) {
        this.colleges = colleges;
        this.sla = sla;
        this.marks = marks;
        this.reconciliation = reconciliation;
        this.export = export;
        this.access = access;
    }

    // no patterns in the path: an unknown report or format is answered in Russian after the college check, not by a bare 404
    @GetMapping("/{report}.{format}")
    public ResponseEntity<byte[]> export(@PathVariable String college, @PathVariable String report, @PathVariable String format,
                                         @RequestParam(defaultValue = "20") int reports) {
        access.require(college);
        if (!colleges.ids().contains(college) || !TITLES.containsKey(report) || !TableExport.FORMATS.contains(format)) {
            return TableExport.unknown("Такого отчёта нет: ожидается " + String.join(", ", new java.util.TreeSet<>(TITLES.keySet()))
                    + " в формате csv или xlsx, колледж — из списка колледжей");
        }
        TableExport.Table table = switch (report) {
            case "staff-sla" -> staffSla(college);
            case "marks-late" -> marksLate(college);
            case "lessons-without-entries" -> lessonsWithoutEntries(college);
            case "marks-reconciliation" -> marksReconciliation(college);
            default -> reconciliation(college, Math.min(Math.max(reports, 1), 100));
        };
        return export.answer(format, report + "-" + college, TITLES.get(report), college, "колледж = " + college, table);
    }

    private static final java.util.Map<String, String> TITLES = java.util.Map.of(
            "staff-sla", "Кадровые приказы: срок доставки", "marks-late", "Отметки с опозданием",
            "lessons-without-entries", "Занятия без записей", "marks-reconciliation", "Отметки: отправлено и принято",
            "reconciliation", "Сверка с платформами");

    private TableExport.Table staffSla(String college) {
        List<List<Object>> rows = new ArrayList<>();
        for (StaffSla.OrderSla order : sla.report(college)) {
            for (StaffSla.TargetOutcome target : order.targets()) {
                rows.add(Arrays.asList(order.orderNo(), order.kind(), order.staffLabel() == null ? order.staffId() : order.staffLabel(),
                        order.effectiveDate(), order.receivedAt(), target.target(), target.confirmedAt(), target.sameDay() ? "да" : "нет",
                        order.violation() ? "нарушен" : "соблюдён", target.reason() == null ? order.reason() : target.reason()));
            }
        }
        return new TableExport.Table(List.of("Номер приказа", "Вид", "Сотрудник (маскировано)", "Вступает в силу", "Получен", "Платформа",
                "Подтверждено", "В тот же день", "Срок", "Причина"), rows);
    }

    private TableExport.Table marksLate(String college) {
        List<List<Object>> rows = new ArrayList<>();
        for (MarksReports.GroupTeacher row : marks.late(college)) {
            for (MarksReports.LateMark mark : row.lateMarks()) {
                rows.add(Arrays.asList(row.group(), row.teacherId(), mark.lessonKey(), mark.studentId(), mark.workType(), mark.lessonDate(),
                        mark.due(), mark.received()));
            }
        }
        return new TableExport.Table(List.of("Группа", "Преподаватель", "Занятие", "Обучающийся (ключ)", "Вид работы", "Дата занятия",
                "Срок", "Получена"), rows);
    }

    private TableExport.Table lessonsWithoutEntries(String college) {
        List<List<Object>> rows = new ArrayList<>();
        for (MarksReports.GroupTeacher row : marks.late(college)) {
            row.lessonsWithoutEntries().forEach(lesson -> rows.add(Arrays.asList(row.group(), row.teacherId(), lesson)));
        }
        return new TableExport.Table(List.of("Группа", "Преподаватель", "Занятие без записей"), rows);
    }

    private TableExport.Table marksReconciliation(String college) {
        List<List<Object>> rows = new ArrayList<>();
        for (MarksReports.DayOutcome day : marks.reconciliation(college)) {
            rows.add(Arrays.asList(day.group(), day.date(), day.target(), day.sent(), day.accepted(), day.rejected(), day.pending(),
                    String.join("; ", day.reasons())));
        }
        return new TableExport.Table(List.of("Группа", "Дата", "Платформа", "Отправлено", "Принято", "Отклонено", "Ожидает", "Причины"), rows);
    }

    private TableExport.Table reconciliation(String college, int latest) {
        List<List<Object>> rows = new ArrayList<>();
        for (Long id : reconciliation.latestIds(latest)) {
            reconciliation.get(id).filter(report -> college.equals(report.collegeId())).ifPresent(report -> {
                for (Drift drift : report.drift()) {
                    rows.add(Arrays.asList(report.id(), report.createdAt(), report.target(), drift.entityType(), drift.entityKey(),
                            drift.maskedLabel(), drift.kind(), String.join(", ", drift.fields())));
                }
            });
        }
        return new TableExport.Table(List.of("Отчёт", "Создан", "Платформа", "Тип записи", "Ключ", "Запись (маскировано)", "Расхождение",
                "Поля"), rows);
    }
}
