package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

/**
 * Per-college routes added, changed and removed while Camel runs, on a real Quartz scheduler: each schedule fires
 * once at its moment in the college's zone, a changed one only at its new moment, a removed one never.
 */
class CollegeRoutesTest {

    private static final ZoneId NOVOKUZNETSK = ZoneId.of("Asia/Novokuznetsk");

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> fired = new CopyOnWriteArrayList<>();
    private final TestFlow flow = new TestFlow();
    private CollegeRoutes routes;

    @TempDir
    Path inboxes;

    @BeforeEach
    void start() throws Exception {
        camel.addRoutes(new CollegeRouteTemplates());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:flow-entry").routeId("flow-entry")
                        .process(exchange -> fired.add(FlowHeaders.college(exchange) + "/" + FlowHeaders.trigger(exchange)
                                + "/" + exchange.getIn().getHeader("CamelFileName", "", String.class)));
            }
        });
        camel.start();
        routes = new CollegeRoutes(camel, List.of(flow), true);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_college_added_while_running_gets_its_schedule_which_fires_once_at_its_local_moment() {
        flow.cron = onceAt(ZonedDateTime.now(NOVOKUZNETSK).plusSeconds(4));

        CollegeRoutes.Change change = routes.apply("kuz-demo", null);

        assertThat(change.added()).containsExactly("test-schedule-kuz-demo");
        assertThat(camel.getRoute("test-schedule-kuz-demo")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> fired.size() == 1);
        assertThat(fired).containsExactly("kuz-demo/schedule/");
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(fired).as("a one-moment schedule fires once").hasSize(1);
    }

    @Test
    void a_changed_schedule_fires_only_at_its_new_moment_and_a_removed_college_never_fires() throws Exception {
        flow.cron = onceAt(ZonedDateTime.now(NOVOKUZNETSK).plusMinutes(5));
        routes.apply("kuz-demo", null);
        routes.apply("perm-demo", null);

        ZonedDateTime newMoment = ZonedDateTime.now(NOVOKUZNETSK).plusSeconds(4);
        flow.cron = onceAt(newMoment);
        CollegeRoutes.Change changed = routes.apply("kuz-demo", null);
        CollegeRoutes.Change removed = routes.remove("perm-demo");

        assertThat(changed.replaced()).containsExactly("test-schedule-kuz-demo");
        assertThat(removed.removed()).containsExactly("test-schedule-perm-demo");
        assertThat(camel.getRoute("test-schedule-perm-demo")).isNull();
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("perm-demo", "test"))).as("the removed college's trigger is gone").isNull();
        Trigger kuz = scheduler.getTrigger(TriggerKey.triggerKey("kuz-demo", "test"));
        assertThat(kuz.getNextFireTime().toInstant()).as("the changed schedule waits for its new moment only")
                .isEqualTo(newMoment.withNano(0).toInstant());
        await().atMost(Duration.ofSeconds(10)).until(() -> fired.size() == 1);
        assertThat(fired).containsExactly("kuz-demo/schedule/");
    }

    @Test
    void synchronize_removes_colleges_that_are_no_longer_active() throws Exception {
        flow.cron = onceAt(ZonedDateTime.now(NOVOKUZNETSK).plusHours(1));
        java.util.Map<String, CollegeSettings> both = new java.util.LinkedHashMap<>();
        both.put("kuz-demo", null);
        both.put("perm-demo", null);
        assertThat(routes.synchronize(both)).containsOnlyKeys("kuz-demo", "perm-demo");

        java.util.Map<String, CollegeSettings> one = new java.util.LinkedHashMap<>();
        one.put("kuz-demo", null);
        java.util.Map<String, CollegeRoutes.Change> changes = routes.synchronize(one);

        assertThat(changes).containsOnlyKeys("perm-demo");
        assertThat(changes.get("perm-demo").removed()).containsExactly("test-schedule-perm-demo");
        assertThat(routes.routes("kuz-demo")).containsOnlyKeys("test-schedule-kuz-demo");
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("perm-demo", "test"))).isNull();
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("kuz-demo", "test"))).isNotNull();
    }

    @Test
    void unchanged_settings_leave_the_running_routes_alone() {
        flow.cron = onceAt(ZonedDateTime.now(NOVOKUZNETSK).plusHours(1));
        routes.apply("kuz-demo", null);

        assertThat(routes.apply("kuz-demo", null).none()).isTrue();
        assertThat(routes.routes("kuz-demo")).containsOnlyKeys("test-schedule-kuz-demo");
    }

    @Test
    void an_inbox_route_sends_each_dropped_file_with_its_college() throws Exception {
        flow.cron = null;
        flow.inbox = inboxes.resolve("kuz-demo").toString();
        routes.apply("kuz-demo", null);

        Files.createDirectories(inboxes.resolve("kuz-demo"));
        Files.writeString(inboxes.resolve("kuz-demo").resolve("orders.csv"), "a;b\n");
        Files.writeString(inboxes.resolve("kuz-demo").resolve("readme.txt"), "not for us");

        await().atMost(Duration.ofSeconds(10)).until(() -> fired.size() == 1);
        assertThat(fired).containsExactly("kuz-demo/file/orders.csv");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(inboxes.resolve("kuz-demo").resolve(".done")));
        assertThat(inboxes.resolve("kuz-demo").resolve("readme.txt")).exists();
    }

    /** A Quartz cron for one second of one day of one year: fires exactly once. */
    private static String onceAt(ZonedDateTime moment) {
        return moment.getSecond() + " " + moment.getMinute() + " " + moment.getHour() + " " + moment.getDayOfMonth() + " "
                + moment.getMonthValue() + " ? " + moment.getYear();
    }

    private static final class TestFlow implements Flow {
        volatile String cron;
        volatile String inbox;

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Set<String> entityTypes() {
            return Set.of();
        }

        @Override
        public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
            if (inbox != null) {
                return List.of(CollegeRoute.inbox("test-inbox-" + collegeId, collegeId, inbox, "(?i).*\\.(xml|csv)", "direct:flow-entry"));
            }
            return List.of(CollegeRoute.schedule("test-schedule-" + collegeId, "test", collegeId, cron, NOVOKUZNETSK, "schedule",
                    "direct:flow-entry"));
        }
    }
}
