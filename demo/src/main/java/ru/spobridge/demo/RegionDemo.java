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

/**
 * The region demo ({@code --spo.demo.region=50}): a generated region of colleges spread over the three shipped region
 * profiles (Perm → ЭПОС.СПО, Chelyabinsk → СГО, Kuzbass → АИС ЭПО), each college stating only id, name, ОГРН and the
 * region's variable prefix, so every college of a region shares the demo profile's addresses and secrets. The hub runs
 * on its own store under {@code ./data/region-demo}; the Контингент simulator seeds each college with
 * {@value #STUDENTS} students. Staff come only from files here (1С:ЗУП publications are per ОГРН in the simulator).
 */
public final class RegionDemo {

    public static final String OPTION = "--spo.demo.region=";
    public static final int STUDENTS = 2000;
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

    /** The region files for {@code colleges} colleges, built from the shipped profiles in {@code shippedRegions}. */
    public static List<RegionDocument> generate(int colleges, Path shippedRegions) {
        return GeneratedRegion.generate(colleges, shippedRegions, 1000);
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
