package ru.spobridge.simulators.platform;

import java.util.List;

/**
 * What makes one REST platform simulator different from another; the engine does the rest.
 *
 * @param id          short latin name used for bean and filter names ({@code epos}, {@code sgo}, {@code aisepo})
 * @param base        path prefix, e.g. {@code /sgo-sim}; the API lives under {@code {base}/integration/v1/}
 * @param tokenHeader request header carrying the token
 * @param tokenPrefix text before the token in that header ({@code "Bearer "}) or empty
 * @param tokenField  name of the token in the token answer
 */
public record PlatformDescription(String id, String base, String tokenHeader, String tokenPrefix, String tokenField,
                                  FieldNaming naming, List<ResourceSchema> resources) {

    public PlatformDescription {
        resources = List.copyOf(resources);
    }

    public String api() {
        return base + "/integration/v1/";
    }

    public ResourceSchema schema(ResourceKind kind) {
        return resources.stream().filter(r -> r.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no " + kind));
    }

    public String wire(String canonical) {
        return naming.wire(canonical);
    }
}
