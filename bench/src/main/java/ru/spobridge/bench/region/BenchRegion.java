package ru.spobridge.bench.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.spobridge.model.Ogrn;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.RegionProfile;

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

    static final List<String> REGIONS = List.of("perm", "chel", "kuz");
    private static final Map<String, Platform> PLATFORMS = Map.of("perm", Platform.EPOS, "chel", Platform.SGO, "kuz", Platform.AISEPO);
    private static final Map<String, String> TITLES = Map.of("perm", "Пермский", "chel", "Челябинский", "kuz", "Кузбасский");
    private static final Map<String, String> OGRN_PREFIX = Map.of("perm", "10259", "chel", "10274", "kuz", "10242");

    private final List<RegionDocument> documents = new ArrayList<>();
    private final List<College> colleges = new ArrayList<>();
    private final int students;

    public BenchRegion(int count, int students, Path shippedRegions) {
        this.students = students;
        Map<String, RegionDocument> shipped = new LinkedHashMap<>();
        RegionFiles.readAll(shippedRegions).forEach(document -> shipped.put(document.region().id(), document));
        int serial = 0;
        for (int r = 0; r < REGIONS.size(); r++) {
            String region = REGIONS.get(r);
            RegionDocument template = shipped.get(region);
            if (template == null) {
                throw new IllegalStateException("нет файла региона " + region + ".yml в " + shippedRegions);
            }
            Map<String, CollegeDefinition> members = new LinkedHashMap<>();
            int inRegion = count / REGIONS.size() + (r < count % REGIONS.size() ? 1 : 0);
            for (int i = 1; i <= inRegion; i++) {
                serial++;
                String id = String.format("%s-%02d", region, i);
                String twelve = OGRN_PREFIX.get(region) + String.format("%07d", 7000 + serial);
                String ogrn = new Ogrn(twelve + Ogrn.checkDigit(twelve)).digits();
                members.put(id, new CollegeDefinition(id, region, "ГБПОУ «" + TITLES.get(region) + " колледж № " + i + "»",
                        ogrn, template.colleges().values().iterator().next().envOrDefault(), Map.of()));
                colleges.add(new College(id, ogrn, PLATFORMS.get(region)));
            }
            if (!members.isEmpty()) {
                documents.add(new RegionDocument(withoutZup(template.region()), members));
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
        try {
            Files.createDirectories(directory);
            for (RegionDocument document : documents) {
                Files.writeString(directory.resolve(document.region().id() + ".yml"), RegionFiles.write(document), StandardCharsets.UTF_8);
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
            settings.add(prefix + "groups=" + Math.max(1, students / 25));
            settings.add(prefix + "seed=" + (1000 + index));
            settings.add(prefix + "movements=" + students / 50);
        }
        return settings;
    }

    private static RegionProfile withoutZup(RegionProfile profile) {
        Map<String, Object> defaults = new LinkedHashMap<>(profile.defaults());
        if (defaults.get("staff") instanceof Map<?, ?> staff) {
            Map<Object, Object> filesOnly = new LinkedHashMap<>(staff);
            filesOnly.remove("zup");
            defaults.put("staff", filesOnly);
        }
        return new RegionProfile(profile.id(), profile.name(), defaults);
    }
}
