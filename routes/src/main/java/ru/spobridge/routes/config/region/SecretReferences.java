package ru.spobridge.routes.config.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code env:} and {@code file:} reference of a region's colleges, after tokens: the list an operator must set. */
public final class SecretReferences {

    public record Reference(String collegeId, String field, String kind, String name) {
    }

    private SecretReferences() {
    }

    public static List<Reference> of(RegionDocument document) {
        List<Reference> references = new ArrayList<>();
        for (CollegeDefinition college : document.colleges().values()) {
            collect(college.id(), "", CollegeResolver.tree(Optional.of(document.region()), college), references);
        }
        return references;
    }

    private static void collect(String collegeId, String path, Object node, List<Reference> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(collegeId, path.isEmpty() ? String.valueOf(key) : path + "." + key, value, references));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(collegeId, path + "[" + i + "]", list.get(i), references);
            }
        } else if (node instanceof String text && (text.startsWith("env:") || text.startsWith("file:"))) {
            int colon = text.indexOf(':');
            references.add(new Reference(collegeId, path, text.substring(0, colon), text.substring(colon + 1)));
        }
    }
}
