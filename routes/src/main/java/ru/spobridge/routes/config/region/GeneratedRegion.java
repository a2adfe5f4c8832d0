package ru.spobridge.routes.config.region;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.spobridge.model.Ogrn;

/**
 * A generated region of colleges spread over the three shipped region profiles (Perm → ЭПОС.СПО, Chelyabinsk → СГО,
 * Kuzbass → АИС ЭПО), each college stating only id, name, ОГРН and the region's variable prefix, so every college of a
 * region shares the profile's addresses and secrets; staff come only from files (1С:ЗУП publications are per ОГРН).
 * Used by the region demo and the regional benchmark.
 */
public final class GeneratedRegion {

    public static final List<String> REGIONS = List.of("perm", "chel", "kuz");
    private static final Map<String, String> TITLES = Map.of("perm", "Пермский", "chel", "Челябинский", "kuz", "Кузбасский");
    private static final Map<String, String> OGRN_PREFIX = Map.of("perm", "10259", "chel", "10274", "kuz", "10242");

    private GeneratedRegion() {
    }

    /**
     * The region files for {@code colleges} colleges, one per shipped region ({@code shippedRegions}) even when it gets
     * none; ОГРН are numbered from {@code ogrnSerialBase} so that two generators never share one.
     */
    public static List<RegionDocument> generate(int colleges, Path shippedRegions, int ogrnSerialBase) {
        Map<String, RegionDocument> shipped = new LinkedHashMap<>();
        RegionFiles.readAll(shippedRegions).forEach(document -> shipped.put(document.region().id(), document));
        List<RegionDocument> documents = new ArrayList<>();
        int serial = 0;
        for (int r = 0; r < REGIONS.size(); r++) {
            String region = REGIONS.get(r);
            RegionDocument template = shipped.get(region);
            if (template == null) {
                throw new IllegalStateException("нет файла региона " + region + ".yml в " + shippedRegions);
            }
            Map<String, CollegeDefinition> members = new LinkedHashMap<>();
            int count = colleges / REGIONS.size() + (r < colleges % REGIONS.size() ? 1 : 0);
            for (int i = 1; i <= count; i++) {
                serial++;
                String id = String.format("%s-%02d", region, i);
                String twelve = OGRN_PREFIX.get(region) + String.format("%07d", ogrnSerialBase + serial);
                String ogrn = new Ogrn(twelve + Ogrn.checkDigit(twelve)).digits();
                members.put(id, new CollegeDefinition(id, region, "ГБПОУ «" + TITLES.get(region) + " колледж № " + i + "»",
                        ogrn, template.colleges().values().iterator().next().envOrDefault(), Map.of()));
            }
            documents.add(new RegionDocument(withoutZup(template.region()), members));
        }
        return documents;
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
