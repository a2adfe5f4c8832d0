package ru.spobridge.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import ru.spobridge.mappings.ktp.KtpFile;
import ru.spobridge.routes.store.ThematicPlans;
import ru.spobridge.simulators.SimulatorProperties;

/**
 * Loads the demo КТП ({@value #FILE}) for the demo colleges whose journal the simulator fills, once, when a college has
 * no plan yet: a newcomer then sees the topic check and the quality report find the demo journal's abbreviated topic
 * without uploading anything. A plan uploaded later replaces it, as in production.
 */
public class DemoThematicPlans {

    static final String FILE = "ktp/ktp-demo.csv";
    private static final Logger LOG = LoggerFactory.getLogger(DemoThematicPlans.class);

    private final ThematicPlans plans;
    private final List<String> colleges;

    public DemoThematicPlans(ThematicPlans plans, SimulatorProperties simulators) {
        this.plans = plans;
        // the demo journal's colleges carry the hub's college ids in the demo profile
        this.colleges = simulators.journal().demoColleges();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        byte[] content;
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Демо-КТП не прочитан: " + FILE, e);
        }
        for (String college : colleges) {
            if (college.isBlank() || !plans.plans(college).isEmpty()) {
                continue;
            }
            KtpFile.Result result = KtpFile.parse(college, "ktp-demo.csv", content);
            plans.replace(result.plans(), "ktp-demo.csv", "demo");
            LOG.info("Демо-КТП загружен для колледжа {}: планов {}, ошибок в файле {}", college, result.plans().size(), result.errors().size());
        }
    }
}
