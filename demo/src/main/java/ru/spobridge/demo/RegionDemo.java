package ru.spobridge.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.GeneratedRegion;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.RegionProfile;

/**
 * The region demo ({@code --spo.demo.region=50}): a generated region of colleges spread over the three shipped region
 * profiles (Perm → ЭПОС.СПО, Chelyabinsk → СГО, Kuzbass → АИС ЭПО) and the shipped demo school of Perm (→ ИАС «ЭПОС»), each college stating only id, name, ОГРН and the
 * region's variable prefix, so every college of a region shares the demo profile's addresses and secrets. The hub runs
 * on its own store under {@code ./data/region-demo}; the Контингент simulator seeds each college with
 * {@value #STUDENTS} students. Staff come only from files here (1С:ЗУП publications are per ОГРН in the simulator).
 */
public final class RegionDemo {

    public static final String OPTION = "--spo.demo.region=";
    public static final int STUDENTS = 2000;
    /** The shipped profile of Perm schools (ИАС «ЭПОС», seed 004): its demo school joins the generated region as is. */
    static final String SCHOOLS = "perm-schools";
    static final int SCHOOL_PUPILS = 60;
    static final int SCHOOL_CLASSES = 4;
    static final List<String> REGIONS = GeneratedRegion.REGIONS;

    private RegionDemo() {
    }

    /** The number of colleges the run command asks for, or 0 for the ordinary demo. */
    public static int requested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(OPTION)) {
                int colleges = Integer.parseInt(arg.substring(OPTION.length()).strip());
                if (colleges < 1 || colleges > 300) {
                    throw new IllegalArgumentException("spo.demo.region: от 1 до 300 колледжей, задано " + colleges);
                }
                return colleges;
            }
        }
        return 0;
    }

    /**
     * The region files for {@code colleges} colleges, built from the shipped profiles in {@code shippedRegions}, and the
     * shipped Perm schools' file with its demo school (a small school synced to ИАС «ЭПОС»), its staff only from files.
     */
    public static List<RegionDocument> generate(int colleges, Path shippedRegions) {
        List<RegionDocument> documents = new ArrayList<>(GeneratedRegion.generate(colleges, shippedRegions, 1000));
        RegionFiles.readAll(shippedRegions).stream().filter(document -> document.region().id().equals(SCHOOLS))
                .forEach(document -> documents.add(new RegionDocument(withoutZup(document.region()), document.colleges())));
        return documents;
    }

    private static RegionProfile withoutZup(RegionProfile profile) {
        java.util.Map<String, Object> defaults = new java.util.LinkedHashMap<>(profile.defaults());
        if (defaults.get("staff") instanceof java.util.Map<?, ?> staff) {
            java.util.Map<Object, Object> filesOnly = new java.util.LinkedHashMap<>(staff);
            filesOnly.remove("zup");
            defaults.put("staff", filesOnly);
        }
        return new RegionProfile(profile.id(), profile.name(), defaults);
    }

    /** Writes the region files under {@code home}/regions and answers the settings that point the hub at them. */
    public static List<String> prepare(int colleges, Path shippedRegions, Path home) {
        List<RegionDocument> documents = generate(colleges, shippedRegions);
        Path regions = home.resolve("regions");
        List<String> settings = new ArrayList<>();
        try {
            Files.createDirectories(regions);
            for (RegionDocument document : documents) {
                Files.writeString(regions.resolve(document.region().id() + ".yml"), RegionFiles.write(document), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String dir = explicit(home);
        settings.add("--spo.regions.directory=" + dir + "/regions");
        settings.add("--spring.datasource.url=jdbc:h2:file:" + dir + "/spo-bridge;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        settings.add("--spring.artemis.embedded.data-directory=" + dir + "/artemis");
        settings.add("--spo.simulators.state-directory=" + dir + "/simulators");
        settings.add("--spo.simulators.zup.demo.enabled=false");
        int index = 0;
        for (RegionDocument document : documents) {
            for (CollegeDefinition college : document.colleges().values()) {
                String prefix = "--spo.simulators.demo.colleges[" + index + "].";
                settings.add(prefix + "ogrn=" + college.ogrn());
                if (SCHOOLS.equals(document.region().id())) {
                    settings.add(prefix + "students=" + SCHOOL_PUPILS);
                    settings.add(prefix + "groups=" + SCHOOL_CLASSES);
                    settings.add(prefix + "seed=59");
                    settings.add(prefix + "movements=0");
                    settings.add(prefix + "school=true");
                    index++;
                    continue;
                }
                settings.add(prefix + "students=" + STUDENTS);
                settings.add(prefix + "groups=" + STUDENTS / 25);
                settings.add(prefix + "seed=" + (1000 + index));
                settings.add(prefix + "movements=40");
                index++;
            }
        }
        return settings;
    }

    /** The folder as H2 accepts it: H2 refuses a file path that is implicitly relative to the working directory. */
    static String explicit(Path home) {
        String path = home.toString().replace('\\', '/');
        return home.isAbsolute() || path.startsWith(".") ? path : "./" + path;
    }
}
