package ru.spobridge.routes.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.Colleges.Status;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.CollegeResolver;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.RegionProfile;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.CollegeStore.StoredCollege;
import ru.spobridge.routes.store.CollegeStore.StoredRegion;

/**
 * The colleges managed as data: imported from {@code config/regions} on the first start, changed while the hub runs.
 * Every change is resolved and validated as a whole before anything is written, then saved with its history, published
 * to {@link Colleges} and brought to the routes; other instances follow through the settings revision.
 */
public class CollegeRegistry {

    private static final Logger log = LoggerFactory.getLogger(CollegeRegistry.class);

    private final CollegeStore store;
    private final Colleges colleges;
    private final CollegeRoutes routes;
    private final CollegeResolver resolver;
    private final HubProperties properties;
    private final Path regionsDirectory;
    private long seenRevision = -1;
    private Map<String, Colleges.Entry> published = Map.of();

    public CollegeRegistry(CollegeStore store, Colleges colleges, CollegeRoutes routes, CollegeResolver resolver, HubProperties properties,
                           Path regionsDirectory) {
        this.store = store;
        this.colleges = colleges;
        this.routes = routes;
        this.resolver = resolver;
        this.properties = properties;
        this.regionsDirectory = regionsDirectory;
    }

    /** What a change did: the college's new version and its route changes. */
    public record Applied(String collegeId, int version, Map<String, CollegeRoutes.Change> routes) {
    }

    /** At start: import the region files when the store has no region yet, then publish and start the routes. */
    public synchronized void start() {
        try {
            importAndReload();
        } catch (org.springframework.dao.DataAccessException e) {
            // the static colleges run anyway; the poller loads the stored ones once the store answers
            log.warn("Колледжи из хранилища не загружены при запуске: {}", e.getMostSpecificCause().getMessage());
            Map<String, CollegeSettings> active = new LinkedHashMap<>();
            colleges.ids().forEach(id -> active.put(id, colleges.settings(id)));
            routes.synchronize(active);
        }
    }

    private void importAndReload() {
        if (!store.hasRegions()) {
            List<RegionDocument> documents = RegionFiles.readAll(regionsDirectory);
            // a college also in spo.colleges runs by that block while it is there (Colleges prefers it)
            store.importRegions(documents, "import");
            if (!documents.isEmpty()) {
                log.info("Импортированы регионы из {}: {}", regionsDirectory, documents.stream().map(d -> d.region().id()).toList());
            }
        }
        reload();
    }

    /** The poller: reload when another instance (or this one) moved the settings revision. */
    public synchronized void refreshIfChanged() {
        if (store.revision() != seenRevision) {
            reload();
        }
    }

    public synchronized Applied create(CollegeDefinition college, String actor) {
        List<SettingError> errors = new ArrayList<>();
        if (college.id() != null && (properties.colleges().containsKey(college.id()) || store.college(college.id()).isPresent())) {
            errors.add(new SettingError("id", "колледж «" + college.id() + "» уже есть"));
        }
        resolveOrRefuse(college, errors);
        int version = store.saveCollege(college, Status.ACTIVE, null, 0, actor, "COLLEGE_CREATED");
        return applied(college.id(), version);
    }

    public synchronized Applied change(CollegeDefinition college, int expectedVersion, String actor) {
        StoredCollege stored = existing(college.id());
        resolveOrRefuse(college, new ArrayList<>());
        int version = store.saveCollege(college, stored.status(), stored.statusReason(), expectedVersion, actor, "COLLEGE_CHANGED");
        return applied(college.id(), version);
    }

    public synchronized Applied disable(String id, String actor, String reason) {
        return setStatus(id, Status.DISABLED, reason, actor, "COLLEGE_DISABLED");
    }

    public synchronized Applied enable(String id, String actor) {
        StoredCollege stored = existing(id);
        resolveOrRefuse(stored.definition(), new ArrayList<>());
        return setStatus(id, Status.ACTIVE, null, actor, "COLLEGE_ENABLED");
    }

    /** The college stops and loses its routes and triggers; its records, runs and history stay. */
    public synchronized Applied remove(String id, String actor, String reason) {
        return setStatus(id, Status.REMOVED, reason, actor, "COLLEGE_REMOVED");
    }

    /** A region's profile: refused when any of its colleges (not removed) would become invalid. */
    public synchronized int changeRegion(RegionProfile region, int expectedVersion, String actor) {
        List<SettingError> errors = new ArrayList<>();
        for (StoredCollege college : store.colleges()) {
            if (Objects.equals(college.definition().regionId(), region.id()) && college.status() != Status.REMOVED) {
                resolver.resolve(Optional.of(region), college.definition()).errors().forEach(error ->
                        errors.add(new SettingError("colleges." + college.definition().id() + "." + error.field(), error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new SettingsRefused("Регион не сохранён: настройки колледжей региона стали бы неверными", errors);
        }
        int version = store.saveRegion(region, expectedVersion, actor);
        reload();
        return version;
    }

    /** The stored college's last resolution problems (a NOT_READY college), empty when it resolves. */
    public List<SettingError> problems(String id) {
        StoredCollege stored = store.college(id).orElseThrow(() -> new IllegalArgumentException("Колледж не найден: " + id));
        return resolver.resolve(regionOf(stored.definition()), stored.definition()).errors();
    }

    private Applied setStatus(String id, Status status, String reason, String actor, String action) {
        StoredCollege stored = existing(id);
        int version = store.saveCollege(stored.definition(), status, reason, stored.version(), actor, action);
        return applied(id, version);
    }

    private StoredCollege existing(String id) {
        if (properties.colleges().containsKey(id)) {
            // the block in spo.colleges wins over the store: a change here would have no effect
            throw new SettingsRefused("Колледж задан в spo.colleges (config/application.yml) и меняется там",
                    List.of(new SettingError("id", "колледж «" + id + "» задан в config/application.yml")));
        }
        return store.college(id).orElseThrow(() -> new IllegalArgumentException("Колледж не найден: " + id));
    }

    private void resolveOrRefuse(CollegeDefinition college, List<SettingError> errors) {
        errors.addAll(resolver.resolve(regionOf(college), college).errors());
        if (!errors.isEmpty()) {
            throw new SettingsRefused("Настройки колледжа не сохранены: исправьте поля", errors);
        }
    }

    private Optional<RegionProfile> regionOf(CollegeDefinition college) {
        return college.regionId() == null ? Optional.empty() : store.region(college.regionId()).map(StoredRegion::profile);
    }

    private Applied applied(String collegeId, int version) {
        Map<String, CollegeRoutes.Change> changes = reload();
        CollegeRoutes.Change none = new CollegeRoutes.Change(List.of(), List.of(), List.of());
        return new Applied(collegeId, version, Map.of(collegeId, changes.getOrDefault(collegeId, none)));
    }

    /** Resolves every stored college, publishes the set and brings the routes of every active college in step. */
    private Map<String, CollegeRoutes.Change> reload() {
        long revision = store.revision();
        Map<String, RegionProfile> regions = new LinkedHashMap<>();
        store.regions().forEach(region -> regions.put(region.profile().id(), region.profile()));
        Map<String, Colleges.Entry> entries = new LinkedHashMap<>();
        for (StoredCollege stored : store.colleges()) {
            String id = stored.definition().id();
            if (properties.colleges().containsKey(id)) {
                continue;
            }
            CollegeResolver.Resolution resolution = resolver.resolve(Optional.ofNullable(regions.get(stored.definition().regionId())),
                    stored.definition());
            Colleges.Entry previous = published.get(id);
            CollegeSettings settings = resolution.valid() ? resolution.settings() : previous == null ? null : previous.settings();
            Status status = stored.status();
            if (status == Status.ACTIVE && !resolution.valid()) {
                status = Status.NOT_READY;
                log.warn("Колледж {} не готов: {}", id, new TreeSet<>(resolution.errors().stream()
                        .map(error -> error.field() + ": " + error.message()).toList()));
            }
            entries.put(id, new Colleges.Entry(settings, status));
        }
        published = entries;
        colleges.publish(entries);
        seenRevision = revision;
        Map<String, CollegeSettings> active = new LinkedHashMap<>();
        colleges.ids().forEach(id -> active.put(id, colleges.settings(id)));
        return routes.synchronize(active);
    }
}
