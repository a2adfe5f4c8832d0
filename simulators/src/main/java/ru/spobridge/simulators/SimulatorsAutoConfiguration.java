package ru.spobridge.simulators;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import ru.spobridge.simulators.asc.AscSimulatorBeans;
import ru.spobridge.simulators.contingent.ContingentSimulatorBeans;
import ru.spobridge.simulators.journal.JournalSimulatorBeans;
import ru.spobridge.simulators.state.PlatformStateBeans;
import ru.spobridge.simulators.zup.ZupSimulatorBeans;

/**
 * Serves the Контингент (SOAP at {@code /contingent-sim/ws}), ЭПОС.СПО ({@code /epos-sim}), СГО ({@code /sgo-sim})
 * АИС ЭПО ({@code /aisepo-sim}), ИАС «ЭПОС» for schools ({@code /ias-epos-sim}), 1С:ЗУП OData ({@code /zup-sim/{ogrn}/odata/standard.odata/}) simulators and the
 * aSc Timetables export stand-in ({@code /asc-sim/exports/{collegeId}/latest.xml}) and the college journal change
 * feed ({@code /journal-sim/api/v1/{collegeId}/changes}) inside the hub's own web server
 * when {@code spo.simulators.enabled=true}; with {@code spo.simulators.state-directory} the platforms' state survives a
 * restart.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "spo.simulators", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SimulatorProperties.class)
@Import({ContingentSimulatorBeans.class, RestPlatformBeans.class, ZupSimulatorBeans.class, AscSimulatorBeans.class,
        JournalSimulatorBeans.class, PlatformStateBeans.class})
public class SimulatorsAutoConfiguration {

    /** The context's Clock if it has exactly one, else the system UTC clock; never registered as a bean. */
    public static Clock clockOf(ObjectProvider<Clock> clocks) {
        return clocks.getIfUnique(Clock::systemUTC);
    }
}
