package ru.spobridge.routes.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an IT person configures (config/application.yml, prefix {@code spo}): the colleges, their sources and
 * targets, schedules and the delivery policy. Validated at start so a wrong setting fails with its name.
 */
@Validated
@ConfigurationProperties("spo")
public record HubProperties(@Valid Map<String, CollegeSettings> colleges, @Valid SyncSettings sync,
                            @Valid DeliverySettings delivery, @Valid Map<String, DeliverySettings> targetDelivery,
                            @Valid BusSettings bus, @Valid StaffSettings staff) {

    public HubProperties {
        colleges = colleges == null ? Map.of() : new TreeMap<>(colleges);
        sync = sync == null ? new SyncSettings(false, true, null) : sync;
        delivery = delivery == null ? new DeliverySettings(0, null, 0, null, null, 0, null, null, null, null, null, null, null, null, null) : delivery;
        targetDelivery = targetDelivery == null ? Map.of() : Map.copyOf(targetDelivery);
        bus = bus == null ? new BusSettings(null, null, null) : bus;
        staff = staff == null ? new StaffSettings(null) : staff;
    }

    /** The table of positions shared by the colleges: code in the HR system → title and journal role. */
    public record StaffSettings(@Valid Map<String, PositionSettings> positions) {
        public StaffSettings {
            positions = positions == null ? Map.of() : Map.copyOf(positions);
        }
    }

    public record PositionSettings(@NotBlank String title, @NotNull ru.spobridge.model.staff.StaffRole role) {
    }

    public record CollegeSettings(@NotBlank String name, String region, @NotBlank String ogrn, @NotNull ZoneId zone,
                                  @NotNull @Valid ContingentSource contingent, @Valid Map<String, TargetSettings> targets,
                                  @Valid HoldSettings hold, @Valid StaffSources staff, @Valid ScheduleSettings schedule,
                                  @Valid MarksSettings marks, String regionId, @Valid List<BlackoutSettings> blackouts,
                                  @Valid RetentionSettings retention, ru.spobridge.model.InstitutionKind kind) {
        @ConstructorBinding
        public CollegeSettings {
            blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
            marks = marks == null ? new MarksSettings(null, null, null, null, null) : marks;
            kind = kind == null ? ru.spobridge.model.InstitutionKind.COLLEGE : kind;
            // a school keeps summary statements 25 years and journal pages 5 (seed 004 §5.3–5.4) unless it states otherwise
            retention = retention != null ? retention
                    : kind == ru.spobridge.model.InstitutionKind.SCHOOL ? RetentionSettings.SCHOOL : RetentionSettings.COLLEGE;
            // a school judges marks by the hour after its lessons (seed 004 §3.5) unless it states otherwise,
            // even where its region's profile gives the colleges' day rules
            if (kind == ru.spobridge.model.InstitutionKind.SCHOOL && !marks.deadlines().byLessonsEnd()) {
                marks = new MarksSettings(marks.journal(), marks.schedule(), marks.catchUp(), marks.deadlines().withSchoolRules(),
                        marks.scale());
            }
            schedule = schedule == null ? new ScheduleSettings(null, null) : schedule;
            targets = targets == null ? Map.of() : new TreeMap<>(targets);
            hold = hold == null ? new HoldSettings(null) : hold;
            staff = staff == null ? new StaffSources(null, null) : staff;
        }

        /** A college with the default retention of its archived documents. */
        public CollegeSettings(String name, String region, String ogrn, ZoneId zone, ContingentSource contingent,
                               Map<String, TargetSettings> targets, HoldSettings hold, StaffSources staff,
                               ScheduleSettings schedule, MarksSettings marks, String regionId, List<BlackoutSettings> blackouts) {
            this(name, region, ogrn, zone, contingent, targets, hold, staff, schedule, marks, regionId, blackouts, null, null);
        }

        /** A college without a region profile and without blackout periods. */
        public CollegeSettings(String name, String region, String ogrn, ZoneId zone, ContingentSource contingent,
                               Map<String, TargetSettings> targets, HoldSettings hold, StaffSources staff,
                               ScheduleSettings schedule, MarksSettings marks) {
            this(name, region, ogrn, zone, contingent, targets, hold, staff, schedule, marks, null, List.of(), null, null);
        }

        /** A college (not a school) with its retention of archived documents. */
        public CollegeSettings(String name, String region, String ogrn, ZoneId zone, ContingentSource contingent,
                               Map<String, TargetSettings> targets, HoldSettings hold, StaffSources staff,
                               ScheduleSettings schedule, MarksSettings marks, String regionId, List<BlackoutSettings> blackouts,
                               RetentionSettings retention) {
            this(name, region, ogrn, zone, contingent, targets, hold, staff, schedule, marks, regionId, blackouts, retention, null);
        }

        public boolean school() {
            return kind == ru.spobridge.model.InstitutionKind.SCHOOL;
        }
    }

    /**
     * How long archived documents are kept (seed 002 §7.5, seed 004 §5.4): summary statements of final marks, and the
     * journal's exports — until the end of the group's period of study when it is known ({@code journal} null), else
     * for {@code journalFallback}. Expiry is reported, never acted on.
     */
    public record RetentionSettings(java.time.Period statements, java.time.Period journal, java.time.Period journalFallback) {

        /** A college (seed 002 §7.5): statements 75 years, the journal for the group's period of study, else 5 years. */
        public static final RetentionSettings COLLEGE = new RetentionSettings(null, null, null);
        /** A school (seed 004 §5.4): yearly summary statements 25 years, journal pages 5 years. */
        public static final RetentionSettings SCHOOL = new RetentionSettings(java.time.Period.ofYears(25), java.time.Period.ofYears(5), null);

        public RetentionSettings {
            statements = statements == null ? java.time.Period.ofYears(75) : statements;
            journalFallback = journalFallback == null ? java.time.Period.ofYears(5) : journalFallback;
            if (statements.isNegative() || statements.isZero() || journalFallback.isNegative() || journalFallback.isZero()
                    || (journal != null && (journal.isNegative() || journal.isZero()))) {
                throw new IllegalArgumentException("spo.colleges.*.retention: сроки хранения должны быть положительными");
            }
        }
    }

    /**
     * A period when scheduled runs of some flows (all when {@code flows} is empty) are skipped: dated
     * ("2026-12-28".."2027-01-03"), yearly ("07-01".."08-31"; to before from wraps the new year), or every non-working
     * day of the production calendar. Evaluated by the run gate in the college's zone.
     */
    public record BlackoutSettings(List<String> flows, String from, String to, Boolean nonWorkingDays, String reason) {
        public BlackoutSettings {
            flows = flows == null ? List.of() : List.copyOf(flows);
            nonWorkingDays = nonWorkingDays != null && nonWorkingDays;
        }
    }

    /**
     * Matching a schedule export to canonical codes: per kind (teachers, groups, rooms, subjects), the export's short
     * name or name → the canonical code. Anything not listed is matched by code, then by normalised name.
     */
    public record ScheduleSettings(Map<String, Map<String, String>> mapping, String inbox) {
        public ScheduleSettings {
            mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        }

        public Map<String, String> mapping(String kind) {
            return mapping.getOrDefault(kind, Map.of());
        }
    }

    /**
     * Marks and attendance: the college journal pulled on a schedule in the college's zone (e.g. every 15 minutes on
     * school days 8:00–20:00) and a nightly catch-up; deadlines (seed defaults); another scale → five points.
     */
    public record MarksSettings(@Valid JournalSource journal, @QuartzCron String schedule, @QuartzCron String catchUp,
                                ru.spobridge.model.marks.Deadlines deadlines, Map<String, String> scale) {
        public MarksSettings {
            schedule = schedule == null ? "0 0/15 8-19 ? * MON-SAT" : schedule;
            catchUp = catchUp == null ? "0 30 2 * * ?" : catchUp;
            deadlines = deadlines == null ? ru.spobridge.model.marks.Deadlines.SEED_DEFAULTS : deadlines;
            scale = scale == null ? Map.of() : Map.copyOf(scale);
        }
    }

    public record JournalSource(@NotNull URI address, @NotBlank String collegeId, @NotBlank String clientId, @NotBlank String clientSecret) {
    }

    /** Where a college's HR orders come from: a 1С:ЗУП OData publication, polled, and a folder for dropped files. */
    public record StaffSources(@Valid ZupSource zup, String inbox) {
    }

    public record ZupSource(@NotNull URI address, @NotBlank String user, @NotBlank String password, @Min(1) @Max(1000) Integer pageSize,
                            @NotBlank @QuartzCron String schedule) {
        public ZupSource {
            pageSize = pageSize == null ? 200 : pageSize;
        }
    }

    /**
     * Safety hold: a run that would expel, send on leave or lose from the registry more than this share of the
     * college's students is held until an operator approves it (default 10 %).
     */
    public record HoldSettings(@DecimalMin("0.0") @DecimalMax("1.0") Double maxRemovalShare) {
        public HoldSettings {
            maxRemovalShare = maxRemovalShare == null ? 0.10 : maxRemovalShare;
        }
    }

    /** ИС «Контингент»: where, with which credentials, how often. */
    public record ContingentSource(@NotNull URI address, @NotNull URI tokenUrl, @NotBlank String clientId,
                                   @NotBlank String clientSecret, @Min(1) @Max(500) Integer pageSize,
                                   @NotBlank @QuartzCron String schedule) {
        public ContingentSource {
            pageSize = pageSize == null ? 200 : pageSize;
        }
    }

    /** One regional platform of a college. */
    public record TargetSettings(Boolean enabled, @NotNull URI baseUrl, @NotBlank String clientId,
                                 @NotBlank String clientSecret, @Min(1) @Max(500) Integer batchLimit) {
        public TargetSettings {
            enabled = enabled == null || enabled;
            batchLimit = batchLimit == null ? 500 : batchLimit;
        }
    }

    /**
     * @param runAtStart      sync every college once when the hub has started
     * @param schedules       run the Quartz schedules (off in tests that drive runs themselves)
     * @param inFlightWindow  a record published this recently is not published again by an overlapping run
     */
    public record SyncSettings(boolean runAtStart, Boolean schedules, Duration inFlightWindow) {
        public SyncSettings {
            schedules = schedules == null || schedules;
            inFlightWindow = inFlightWindow == null ? Duration.ofMinutes(30) : inFlightWindow;
        }
    }

    /**
     * Retry policy of deliveries and source reads: exponential backoff in memory, then automatic retry of the
     * records kept for later, then — for a permanent refusal or past the horizon — a dead letter for an operator.
     *
     * @param jitter            share of each backoff delay drawn at random, so that many hubs do not retry in step
     * @param circuitFailureRate per cent of failed calls in the window that opens the target's circuit
     * @param circuitWindow      calls the failure rate is measured over (and the fewest before it is judged)
     * @param circuitOpenFor     how long an open circuit refuses calls before letting probes through
     * @param retryEvery         how often the kernel republishes records whose automatic retry is due (spo.delivery only)
     * @param retryFirst         the wait before the first automatic retry of a record; doubled each round
     * @param retryMax           the longest wait between automatic retries
     * @param giveUpAfter        a record still failing after this long of automatic retries becomes a dead letter for an
     *                           operator; 0 turns automatic retry off (every transient failure is a dead letter at once)
     */
    public record DeliverySettings(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
                                   Duration httpTimeout, int readAttempts, Duration readDelay, Double jitter,
                                   Integer circuitFailureRate, Integer circuitWindow, Duration circuitOpenFor,
                                   Duration retryEvery, Duration retryFirst, Duration retryMax, Duration giveUpAfter) {

        /** The settings without automatic-retry values: those take their defaults. */
        public DeliverySettings(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
                                Duration httpTimeout, int readAttempts, Duration readDelay, Double jitter,
                                Integer circuitFailureRate, Integer circuitWindow, Duration circuitOpenFor) {
            this(maxAttempts, initialDelay, multiplier, maxDelay, httpTimeout, readAttempts, readDelay, jitter, circuitFailureRate,
                    circuitWindow, circuitOpenFor, null, null, null, null);
        }

        @ConstructorBinding
        public DeliverySettings {
            retryEvery = positive(retryEvery, Duration.ofSeconds(30), "retry-every");
            retryFirst = positive(retryFirst, Duration.ofSeconds(30), "retry-first");
            retryMax = positive(retryMax, Duration.ofMinutes(10), "retry-max");
            giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
            if (giveUpAfter.isNegative()) {
                throw new IllegalArgumentException("spo.delivery.give-up-after must not be negative: " + giveUpAfter);
            }
            jitter = jitter == null ? 0.15 : jitter;
            circuitFailureRate = circuitFailureRate == null ? 50 : circuitFailureRate;
            circuitWindow = circuitWindow == null ? 10 : circuitWindow;
            circuitOpenFor = circuitOpenFor == null ? Duration.ofSeconds(30) : circuitOpenFor;
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            initialDelay = initialDelay == null ? Duration.ofMillis(500) : initialDelay;
            multiplier = multiplier < 1 ? 2.0 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofSeconds(30) : maxDelay;
            httpTimeout = httpTimeout == null ? Duration.ofSeconds(30) : httpTimeout;
            readAttempts = readAttempts <= 0 ? 3 : readAttempts;
            readDelay = readDelay == null ? Duration.ofSeconds(1) : readDelay;
        }

        /** Automatic retry is on unless the horizon is 0. */
        public boolean retriesAutomatically() {
            return !giveUpAfter.isZero();
        }

        private static Duration positive(Duration value, Duration fallback, String name) {
            if (value != null && (value.isZero() || value.isNegative())) {
                throw new IllegalArgumentException("spo.delivery." + name + " must be positive: " + value);
            }
            return value == null ? fallback : value;
        }
    }

    /**
     * The bus as endpoint URIs; {@code {target}} is replaced by the target name and {@code {consumers}} by
     * {@link #consumers()}. Embedded Artemis by default, Kafka for a regional deployment. Several consumers per target
     * keep one college's order because the publisher groups its batches (Artemis message groups, Kafka keys): a group
     * is delivered by one consumer at a time, different groups in parallel.
     */
    public record BusSettings(String producer, String consumer, Integer consumers) {
        public BusSettings {
            if (consumers != null && consumers < 1) {
                throw new IllegalArgumentException("spo.bus.consumers must be at least 1: " + consumers);
            }
            consumers = consumers == null ? 4 : consumers;
            producer = producer == null ? "jms:queue:spo.delivery.{target}" : producer;
            // as many consumers at all times as at most: a consumer closed when idle would release its message groups.
            // Local JMS transactions (no transaction manager) let each consumer keep its session and consumer between
            // messages; with a manager Spring opens both anew for every message. A failed exchange still rolls back.
            consumer = consumer == null
                    ? "jms:queue:spo.delivery.{target}?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                            + "&concurrentConsumers={consumers}&maxConcurrentConsumers={consumers}"
                    : consumer;
        }

        public String producerFor(String target) {
            return producer.replace("{target}", target);
        }

        public String consumerFor(String target) {
            return consumer.replace("{target}", target).replace("{consumers}", Integer.toString(consumers));
        }
    }

    /** The delivery policy of one platform: its own settings in spo.target-delivery.<name>, else spo.delivery. */
    public DeliverySettings deliveryFor(String target) {
        return targetDelivery.getOrDefault(target, delivery);
    }

    public CollegeSettings college(String id) {
        CollegeSettings college = colleges.get(id);
        if (college == null) {
            throw new IllegalArgumentException("Колледж не настроен: " + id);
        }
        return college;
    }
}
