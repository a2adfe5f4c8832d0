package ru.spobridge.app.console;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The run history (filtered, paged on the server), one run's refused records and dead letters, and its figures live
 * over server-sent events while it reads and delivers.
 */
@RestController
@RequestMapping("/api/runs")
public class RunHistoryApi {

    private static final int MAX_PAGE = 200;
    /** How long a page may follow one run; a run still open after that is followed again by reloading the page. */
    private static final long FOLLOW_MILLIS = 30 * 60 * 1000L;

    private final SyncRuns runs;
    private final RejectedRecords rejected;
    private final DeadLetters deadLetters;
    private final Access access;
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1, task -> {
        Thread thread = new Thread(task, "run-events");
        thread.setDaemon(true);
        return thread;
    });

    public RunHistoryApi(SyncRuns runs, RejectedRecords rejected, DeadLetters deadLetters, Access access) {
        this.runs = runs;
        this.rejected = rejected;
        this.deadLetters = deadLetters;
        this.access = access;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        ticks.shutdownNow();
    }

    public record Page<T>(List<T> items, int total, int page, int size) {
    }

    /** Dates are days (yyyy-MM-dd, {@code to} inclusive) in the hub's zone, or instants. */
    @GetMapping
    public Page<SyncRuns.Run> history(@RequestParam(required = false) String college, @RequestParam(required = false) String flow,
                                      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        if (blank(college) == null) {
            college = null;
        } else {
            access.require(college);
        }
        int shown = Math.min(Math.max(size, 1), MAX_PAGE);
        int number = Math.max(page, 0);
        SyncRuns.Query query = new SyncRuns.Query(access.scope().filter(), blank(college), blank(flow), blank(status),
                moment(from, false), moment(to, true));
        return new Page<>(runs.find(query, number * shown, shown), runs.count(query), number, shown);
    }

    @GetMapping("/{id}/rejected")
    public ResponseEntity<Page<RejectedRecords.Rejection>> rejected(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                                                   @RequestParam(defaultValue = "50") int size) {
        Optional<SyncRuns.Run> run = visibleRun(id);
        if (run.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        int shown = Math.min(Math.max(size, 1), MAX_PAGE);
        int number = Math.max(page, 0);
        return ResponseEntity.ok(new Page<>(rejected.ofRun(id, number * shown, shown), rejected.countOfRun(id), number, shown));
    }

    @GetMapping("/{id}/dead-letters")
    public ResponseEntity<List<DeadLetters.RunLetter>> deadLetters(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        if (visibleRun(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(deadLetters.ofRun(id, Math.min(Math.max(limit, 1), 1000)));
    }

    /**
     * The run's figures every second as an event {@code run}, until it is finished (or held for an operator); the
     * last event is sent with the final figures and the stream ends.
     */
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public ResponseEntity<SseEmitter> events(@PathVariable long id) {
        if (visibleRun(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        SseEmitter emitter = new SseEmitter(FOLLOW_MILLIS);
        AtomicReference<ScheduledFuture<?>> tick = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> future = tick.get();
            if (future != null) {
                future.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        tick.set(ticks.scheduleAtFixedRate(() -> {
            try {
                SyncRuns.Run run = runs.get(id).orElse(null);
                if (run == null) {
                    emitter.complete();
                    stop.run();
                    return;
                }
                boolean last = run.finished() || SyncRuns.HELD.equals(run.status());
                emitter.send(SseEmitter.event().name("run").id(Long.toString(run.id())).data(run, MediaType.APPLICATION_JSON));
                if (last) {
                    emitter.complete();
                    stop.run();
                }
            } catch (IOException | IllegalStateException e) {
                // the page went away: nobody to tell
                stop.run();
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                stop.run();
            }
        }, 0, 1, TimeUnit.SECONDS));
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    private Optional<SyncRuns.Run> visibleRun(long id) {
        Optional<SyncRuns.Run> run = runs.get(id);
        run.ifPresent(found -> access.require(found.collegeId()));
        return run;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant moment(String value, boolean endOfDay) {
        if (blank(value) == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Дата «" + value + "» не в формате ГГГГ-ММ-ДД");
        }
    }
}
