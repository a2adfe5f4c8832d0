package ru.spobridge.routes.config.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Region files ({@code config/regions/<region>.yml}): read into plain trees with SnakeYAML and written back in the same
 * shape. Nothing is resolved on the way: references ({@code env:NAME}) and tokens stay as written, so a secret value
 * never reaches the store or an export.
 */
public final class RegionFiles {

    private static final List<String> COLLEGE_FIELDS = List.of("name", "ogrn", "env", "overrides");

    private RegionFiles() {
    }

    /** Every {@code *.yml} of a folder, by file name; none when the folder does not exist. */
    public static List<RegionDocument> readAll(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<RegionDocument> documents = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                documents.add(read(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static RegionDocument read(String fileName, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RegionFileException(fileName, line, "не YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new RegionFileException(fileName, 0, "не YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> document) || !(document.get("region") instanceof Map<?, ?> regionNode)) {
            throw new RegionFileException(fileName, 0, "нет раздела region");
        }
        Map<String, Object> region = SettingsTree.copy((Map<String, ?>) regionNode);
        String id = text(region.remove("id"));
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new RegionFileException(fileName, 0, "region.id: нужен идентификатор региона (латиница, цифры, дефис)");
        }
        String name = text(region.remove("name"));
        Map<String, CollegeDefinition> colleges = new LinkedHashMap<>();
        Object collegesNode = document.get("colleges");
        if (collegesNode != null && !(collegesNode instanceof Map<?, ?>)) {
            throw new RegionFileException(fileName, 0, "colleges: ожидается список колледжей по идентификатору");
        }
        if (collegesNode instanceof Map<?, ?> collegeMap) {
            for (Map.Entry<?, ?> entry : collegeMap.entrySet()) {
                String collegeId = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof Map<?, ?> college)) {
                    throw new RegionFileException(fileName, 0, "colleges." + collegeId + ": ожидается блок колледжа");
                }
                for (Object key : college.keySet()) {
                    if (!COLLEGE_FIELDS.contains(String.valueOf(key))) {
                        throw new RegionFileException(fileName, 0, "colleges." + collegeId + "." + key
                                + ": у колледжа задаются только name, ogrn, env и overrides (остальное — в overrides)");
                    }
                }
                Object overrides = college.get("overrides");
                colleges.put(collegeId, new CollegeDefinition(collegeId, id, text(college.get("name")), text(college.get("ogrn")),
                        text(college.get("env")), overrides instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of()));
            }
        }
        return new RegionDocument(new RegionProfile(id, name, region), colleges);
    }

    /** The file text of a region: the same shape {@link #read} accepts, references and tokens as stored. */
    public static String write(RegionDocument document) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("id", document.region().id());
        region.put("name", document.region().name());
        region.putAll(document.region().defaults());
        Map<String, Object> colleges = new LinkedHashMap<>();
        document.colleges().forEach((id, college) -> {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("name", college.name());
            block.put("ogrn", college.ogrn());
            if (college.env() != null) {
                block.put("env", college.env());
            }
            if (!college.overrides().isEmpty()) {
                block.put("overrides", college.overrides());
            }
            colleges.put(id, block);
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("region", region);
        root.put("colleges", colleges);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndent(2);
        options.setWidth(160);
        return new Yaml(new Representer(options), options).dump(root);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
