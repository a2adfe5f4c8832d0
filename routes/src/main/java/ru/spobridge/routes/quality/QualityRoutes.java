package ru.spobridge.routes.quality;

import java.time.YearMonth;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.flow.FlowHeaders;

/**
 * The monthly journal-quality report of a college: on its schedule, the month before is counted and stored, and the
 * deputy director is told (seed 002 §3.10–3.11). A college without a deputy director's address gets the report in the
 * console only, and the log says so without any address.
 */
@Component
public class QualityRoutes extends RouteBuilder {

    public static final String MONTHLY = "direct:journal-quality-monthly";
    static final String MONTH = "spoQualityMonth";
    static final String REPORT = "spoQualityReport";
    private static final String ACTOR = "расписание";
    private static final Logger log = LoggerFactory.getLogger(QualityRoutes.class);

    private final JournalQualityReports reports;
    private final QualitySettings settings;
    private final ObjectProvider<DeputyDirectorNotice> notice;

    public QualityRoutes(JournalQualityReports reports, QualitySettings settings, ObjectProvider<DeputyDirectorNotice> notice) {
        this.reports = reports;
        this.settings = settings;
        this.notice = notice;
    }

    @Override
    public void configure() {
        from(MONTHLY).routeId("journal-quality-monthly")
                .process(exchange -> exchange.getIn().setHeader(MONTH, reports.previousMonth(FlowHeaders.college(exchange))))
                .process(exchange -> exchange.getIn().setHeader(REPORT,
                        reports.build(FlowHeaders.college(exchange), exchange.getIn().getHeader(MONTH, YearMonth.class), ACTOR)))
                .process(this::tellDeputyDirector);
    }

    private void tellDeputyDirector(Exchange exchange) {
        QualityReport report = exchange.getIn().getHeader(REPORT, QualityReport.class);
        send(report);
    }

    /** Sends a built report to the college's deputy director; false when no address or no sender is set. */
    public boolean send(QualityReport report) {
        String address = settings.deputyEmail(report.collegeId());
        DeputyDirectorNotice sender = notice.getIfAvailable();
        if (address == null || sender == null) {
            log.info("Отчёт о ведении журнала: колледж {}, месяц {} — адрес заместителя директора не задан, отчёт только в консоли",
                    report.collegeId(), report.month());
            return false;
        }
        return sender.send(report, address);
    }
}
