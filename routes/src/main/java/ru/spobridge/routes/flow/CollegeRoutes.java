package ru.spobridge.routes.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

/**
 * The per-college routes of every flow, kept in step with the colleges' settings while the hub runs: a college
 * added gets its schedules and inboxes, a changed one has exactly its changed routes replaced, a removed one loses
 * them. Nothing is built by string concatenation: each route is an instance of a kernel template.
 */
public class CollegeRoutes {

    private static final Logger log = LoggerFactory.getLogger(CollegeRoutes.class);

    private final CamelContext camel;
    private final List<Flow> flows;
    private final boolean schedules;
    private final Map<String, Map<String, CollegeRoute>> running = new ConcurrentHashMap<>();

    public CollegeRoutes(CamelContext camel, List<Flow> flows, boolean schedules) {
        this.camel = camel;
        this.flows = flows;
        this.schedules = schedules;
    }

    /** What changed for one college when its routes were brought in step. */
    public record Change(List<String> added, List<String> replaced, List<String> removed) {
        public boolean none() {
            return added.isEmpty() && replaced.isEmpty() && removed.isEmpty();
        }
    }

    /** Brings one college's routes in step with its settings (adds, replaces the changed, removes the dropped). */
    public synchronized Change apply(String collegeId, CollegeSettings college) {
        Map<String, CollegeRoute> wanted = new LinkedHashMap<>();
        for (Flow flow : flows) {
            for (CollegeRoute route : flow.collegeRoutes(collegeId, college, schedules)) {
                wanted.put(route.routeId(), route);
            }
        }
        Map<String, CollegeRoute> current = running.computeIfAbsent(collegeId, id -> new ConcurrentHashMap<>());
        List<String> added = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String routeId : List.copyOf(current.keySet())) {
            CollegeRoute now = current.get(routeId);
            CollegeRoute next = wanted.get(routeId);
            if (!now.equals(next)) {
                stop(now);
                current.remove(routeId);
                (next == null ? removed : replaced).add(routeId);
            }
        }
        for (CollegeRoute route : wanted.values()) {
            if (!current.containsKey(route.routeId())) {
                start(route);
                current.put(route.routeId(), route);
                if (!replaced.contains(route.routeId())) {
                    added.add(route.routeId());
                }
            }
        }
        Change change = new Change(added, replaced, removed);
        if (!change.none()) {
            log.info("Колледж {}: маршруты добавлены {}, заменены {}, удалены {}", collegeId, added, replaced, removed);
        }
        return change;
    }

    /** Removes every route of a college (the college was dropped from the settings). */
    public synchronized Change remove(String collegeId) {
        Map<String, CollegeRoute> current = running.remove(collegeId);
        List<String> removed = new ArrayList<>();
        if (current != null) {
            for (CollegeRoute route : current.values()) {
                stop(route);
                removed.add(route.routeId());
            }
        }
        if (!removed.isEmpty()) {
            log.info("Колледж {}: маршруты удалены {}", collegeId, removed);
        }
        return new Change(List.of(), List.of(), removed);
    }

    /**
     * Brings every college in step at once: each active college applied (unchanged routes left alone), every college
     * no longer active loses its routes and triggers. Returns the changes by college, only where something changed.
     */
    public synchronized Map<String, Change> synchronize(Map<String, CollegeSettings> active) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String collegeId : List.copyOf(running.keySet())) {
            if (!active.containsKey(collegeId)) {
                changes.put(collegeId, remove(collegeId));
            }
        }
        active.forEach((collegeId, settings) -> {
            Change change = apply(collegeId, settings);
            if (!change.none()) {
                changes.put(collegeId, change);
            }
        });
        return changes;
    }

    /** The routes running for a college, by route id. */
    public Map<String, CollegeRoute> routes(String collegeId) {
        return Map.copyOf(running.getOrDefault(collegeId, Map.of()));
    }

    private void start(CollegeRoute route) {
        try {
            TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, route.templateId()).routeId(route.routeId());
            route.parameters().forEach(builder::parameter);
            builder.add();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Маршрут " + route.routeId() + " не создан: " + e.getMessage(), e);
        }
    }

    private void stop(CollegeRoute route) {
        String routeId = route.routeId();
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("Маршрут " + routeId + " не остановлен: " + e.getMessage(), e);
        }
        if (CollegeRouteTemplates.SCHEDULE.equals(route.templateId())) {
            unschedule(route.parameters().get("college"), route.parameters().get("group"));
        }
    }

    /** camel-quartz leaves the trigger of a removed route in a clustered store, where it would keep firing: delete it. */
    private void unschedule(String collegeId, String group) {
        QuartzComponent quartz = camel.getComponent("quartz", QuartzComponent.class);
        Scheduler scheduler = quartz == null ? null : quartz.getScheduler();
        if (scheduler == null) {
            return;
        }
        try {
            if (!scheduler.isShutdown()) {
                scheduler.unscheduleJob(TriggerKey.triggerKey(collegeId, group));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Расписание " + group + "/" + collegeId + " не снято: " + e.getMessage(), e);
        }
    }
}
