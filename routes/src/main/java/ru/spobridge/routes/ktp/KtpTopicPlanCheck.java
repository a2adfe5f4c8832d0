package ru.spobridge.routes.ktp;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.quality.TopicPlanCheck;

/** The quality report's count of topics differing from the КТП: every finding of the topic check in the period. */
@Component
public class KtpTopicPlanCheck implements TopicPlanCheck {

    private final TopicFindings findings;

    public KtpTopicPlanCheck(TopicFindings findings) {
        this.findings = findings;
    }

    @Override
    public OptionalInt differences(String collegeId, LocalDate from, LocalDate to) {
        TopicFindings.Report report = findings.report(collegeId, from, to);
        // no plan loaded: the report says so instead of showing a reassuring zero
        return report.plans() == 0 ? OptionalInt.empty() : OptionalInt.of(report.findings().size());
    }
}
