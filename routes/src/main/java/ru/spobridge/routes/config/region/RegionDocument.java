package ru.spobridge.routes.config.region;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One region file: the region's profile and its colleges in the order written. */
public record RegionDocument(RegionProfile region, Map<String, CollegeDefinition> colleges) {

    public RegionDocument {
        colleges = Collections.unmodifiableMap(new LinkedHashMap<>(colleges));
    }
}
