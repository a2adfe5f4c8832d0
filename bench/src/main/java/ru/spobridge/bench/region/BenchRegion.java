package ru.spobridge.bench.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.spobridge.routes.config.region.GeneratedRegion;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.RegionProfile;
import ru.spobridge.routes.config.region.SettingsTree;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;

/**
 * The benchmark's region: {@code colleges} colleges of {@code students} each, spread over the three shipped region
 * profiles as the region demo does (Perm → ЭПОС.СПО, Chelyabinsk → СГО, Kuzbass → АИС ЭПО). The same generation as
 * demo's RegionDemo (bench cannot depend on the demo module: its jar is the repackaged Spring Boot jar), with the
 * size a parameter; the ОГРН series differs from the demo's so that the two never mix in one simulator.
 */
public final class BenchRegion {

    /** One generated college: hub id, ОГРН, its platform and the platform's client id the hub signs in with. */
    public record College(String id, String ogrn, Platform platform) {
    }

    /** A regional platform as the simulators serve it and the hub's contingent resources on it. */
    public enum Platform {
        EPOS("epos-sim", 500), SGO("sgo-sim", 500), AISEPO("aisepo-sim", 300);

        private final String base;
        private final int batchLimit;

        Platform(String base, int batchLimit) {
            this.base = base;
            this.batchLimit = batchLimit;
        }

        /** The simulator's path under the simulators' address. */
        public String base() {
            return base;
        }

        /** The batch limit the shipped region file sets for it (config/regions/*.yml). */
        public int batchLimit() {
            return batchLimit;
        }
    }

    private static final Map<String, Platform> PLATFORMS = Map.of("perm", Platform.EPOS, "chel", Platform.SGO, "kuz", Platform.AISEPO);

    private final List<RegionDocument> documents = new ArrayList<>();
    private final List<College> colleges = new ArrayList<>();
    private final int students;

    public BenchRegion(int count, int students, Path shippedRegions) {
        this.students = students;
        // its own ОГРН series, apart from the region demo's
        for (RegionDocument document : GeneratedRegion.generate(count, shippedRegions, 7000)) {
            if (!document.colleges().isEmpty()) {
                documents.add(document);
                document.colleges().values().forEach(college ->
                        colleges.add(new College(college.id(), college.ogrn(), PLATFORMS.get(document.region().id()))));
            }
        }
    }

    public List<College> colleges() {
        return colleges;
    }

    public int students() {
        return students;
    }

    /** Writes the region files into {@code directory}. */
    public void write(Path directory) {
        write(directory, profile -> Map.of());
    }

    /** Writes the region files with {@code overDefaults} of each region laid over its settings (schedules, batch sizes). */
    public void write(Path directory, Function<RegionProfile, Map<String, Object>> overDefaults) {
        try {
            Files.createDirectories(directory);
            for (RegionDocument document : documents) {
                RegionProfile profile = document.region();
                RegionDocument written = new RegionDocument(new RegionProfile(profile.id(), profile.name(),
                        SettingsTree.merge(profile.defaults(), overDefaults.apply(profile))), document.colleges());
                Files.writeString(directory.resolve(profile.id() + ".yml"), RegionFiles.write(written), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Контингент simulator's seeding of these colleges: the region demo's proportions (25 a group, 2 % moved). */
    public List<String> simulatorSettings() {
        List<String> settings = new ArrayList<>();
        for (int index = 0; index < colleges.size(); index++) {
            String prefix = "--spo.simulators.demo.colleges[" + index + "].";
            settings.add(prefix + "ogrn=" + colleges.get(index).ogrn());
            settings.add(prefix + "students=" + students);
            settings.add(prefix + "groups=" + groups());
            settings.add(prefix + "seed=" + seed(index));
            settings.add(prefix + "movements=" + movements());
        }
        return settings;
    }

    /**
     * College {@code index} as the Контингент simulator generated it from {@link #simulatorSettings()}: the same
     * generator with the same settings, so that the benchmark knows which students are valid and owed to the platform.
     */
    public DemoCollege generated(int index) {
        return DemoContingent.generate(colleges.get(index).ogrn(), students, groups(), seed(index), movements());
    }

    private int groups() {
        return Math.max(1, students / 25);
    }

    private static long seed(int index) {
        return 1000 + index;
    }

    private int movements() {
        return students / 50;
    }
}
