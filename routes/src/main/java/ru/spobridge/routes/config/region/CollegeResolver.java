package ru.spobridge.routes.config.region;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.Ogrn;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

/**
 * Region defaults ⊕ what a college states → the {@link CollegeSettings} the flows read. Tokens are expanded, references
 * resolved in memory, the tree bound with Spring's binder and validated with the same annotations as {@code spo.*};
 * every wrong field is reported at once, by its dotted name, in Russian.
 */
public class CollegeResolver {

    private static final String PREFIX = "college";
    private static final List<String> ADDRESS_FIELDS = List.of("contingent.address", "contingent.token-url", "staff.zup.address",
            "marks.journal.address");
    private static final List<String> SECRET_FIELDS = List.of("contingent.client-secret", "staff.zup.password",
            "marks.journal.client-secret");

    private final SecretLookup secrets;
    private final Validator validator;
    private final Set<String> platformKinds;

    public CollegeResolver(SecretLookup secrets, Validator validator, Set<String> platformKinds) {
        this.secrets = secrets;
        this.validator = validator;
        this.platformKinds = new TreeSet<>(platformKinds);
    }

    /** The settings, or every error found; settings are null when any error was found. */
    public record Resolution(CollegeSettings settings, List<SettingError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Resolution resolve(Optional<RegionProfile> region, CollegeDefinition college) {
        Errors errors = new Errors();
        if (college.id() == null || !college.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            errors.add("id", "идентификатор колледжа: латиница в нижнем регистре, цифры и дефис, от 2 до 63 знаков");
        }
        if (college.regionId() != null && region.isEmpty()) {
            errors.add("region", "регион «" + college.regionId() + "» не найден");
        }
        if (college.name() == null || college.name().isBlank()) {
            errors.add("name", "не указано название колледжа");
        }
        try {
            Ogrn.parse(college.ogrn());
        } catch (InvalidValueException e) {
            errors.add("ogrn", e.getMessage());
        }
        Map<String, Object> tree = tree(region, college);
        checkZone(tree, errors);
        checkPlatforms(tree, errors);
        List<String> secretFields = new ArrayList<>(SECRET_FIELDS);
        List<String> addressFields = new ArrayList<>(ADDRESS_FIELDS);
        if (tree.get("targets") instanceof Map<?, ?> targets) {
            targets.keySet().forEach(kind -> {
                secretFields.add("targets." + kind + ".client-secret");
                addressFields.add("targets." + kind + ".base-url");
            });
        }
        String id = college.id();
        for (String field : secretFields) {
            Object value = SettingsTree.at(tree, field);
            if (value == null) {
                continue;
            }
            if (!SecretLookup.isReference(String.valueOf(value))) {
                errors.add(field, "секрет нельзя писать открытым текстом: env:ИМЯ, file:путь или задать через API");
                SettingsTree.put(tree, field, null);
            } else {
                SettingsTree.put(tree, field, lookup(id, field, String.valueOf(value), errors));
            }
        }
        for (String field : addressFields) {
            Object value = SettingsTree.at(tree, field);
            if (value == null) {
                continue;
            }
            String address = SecretLookup.isReference(String.valueOf(value)) ? lookup(id, field, String.valueOf(value), errors) : String.valueOf(value);
            if (address != null && !absoluteHttp(address)) {
                errors.add(field, "нужен полный адрес http:// или https:// (сейчас «" + address + "»)");
                address = null;
            }
            SettingsTree.put(tree, field, address);
        }
        checkBlackouts(tree, errors);
        CollegeSettings settings = bind(tree, errors);
        if (settings != null) {
            for (ConstraintViolation<CollegeSettings> violation : validator.validate(settings)) {
                errors.addUnlessNamed(field(violation.getPropertyPath().toString()), message(violation));
            }
        } else {
            errors.addUnlessNamed("contingent", "не заданы настройки колледжа");
        }
        return errors.isEmpty() ? new Resolution(settings, List.of()) : new Resolution(null, errors.list());
    }

    /** The merged tree with tokens expanded and references still references (what a connection test or export shows). */
    public static Map<String, Object> tree(Optional<RegionProfile> region, CollegeDefinition college) {
        Map<String, Object> defaults = region.map(RegionProfile::defaults).orElse(Map.of());
        Map<String, Object> tree = SettingsTree.merge(defaults, college.overrides());
        // blackouts add up: the region's periods and the college's own
        List<Object> blackouts = new ArrayList<>();
        if (defaults.get("blackouts") instanceof List<?> list) {
            blackouts.addAll(list);
        }
        if (college.overrides().get("blackouts") instanceof List<?> list) {
            blackouts.addAll(list);
        }
        tree.put("blackouts", blackouts);
        tree.put("name", college.name());
        tree.put("ogrn", college.ogrn());
        region.ifPresent(profile -> {
            tree.putIfAbsent("region", profile.name());
            tree.put("region-id", profile.id());
        });
        String id = college.id() == null ? "" : college.id();
        @SuppressWarnings("unchecked")
        Map<String, Object> expanded = (Map<String, Object>) SettingsTree.expand(tree,
                Map.of("{id}", id, "{ENV}", college.id() == null ? "" : college.envOrDefault()));
        return expanded;
    }

    private String lookup(String collegeId, String field, String reference, Errors errors) {
        Optional<String> value = secrets.lookup(collegeId, field, reference);
        if (value.isPresent() && !value.get().isBlank()) {
            return value.get();
        }
        if (reference.startsWith("env:")) {
            errors.add(field, "не задана переменная окружения " + reference.substring(4));
        } else if (reference.startsWith("file:")) {
            errors.add(field, "нет файла секрета " + reference.substring(5));
        } else {
            errors.add(field, "секрет не сохранён: задайте его через API");
        }
        return null;
    }

    private void checkZone(Map<String, Object> tree, Errors errors) {
        Object zone = tree.get("zone");
        if (zone == null) {
            errors.add("zone", "не указан часовой пояс, например Asia/Yekaterinburg");
            return;
        }
        try {
            ZoneId.of(String.valueOf(zone));
        } catch (DateTimeException e) {
            errors.add("zone", "неизвестный часовой пояс «" + zone + "», например Asia/Yekaterinburg");
            tree.remove("zone");
        }
    }

    private void checkPlatforms(Map<String, Object> tree, Errors errors) {
        if (tree.get("targets") instanceof Map<?, ?> targets) {
            for (Object kind : List.copyOf(targets.keySet())) {
                if (!platformKinds.contains(String.valueOf(kind))) {
                    errors.add("targets." + kind, "неизвестная платформа «" + kind + "»: есть " + String.join(", ", platformKinds));
                    targets.remove(kind);
                }
            }
        }
    }

    private static void checkBlackouts(Map<String, Object> tree, Errors errors) {
        if (!(tree.get("blackouts") instanceof List<?> blackouts)) {
            return;
        }
        for (int i = 0; i < blackouts.size(); i++) {
            if (!(blackouts.get(i) instanceof Map<?, ?> blackout)) {
                errors.add("blackouts[" + i + "]", "ожидается период: from, to, flows, reason");
                continue;
            }
            for (String end : List.of("from", "to")) {
                Object value = blackout.get(end);
                if (value != null && !dateOrDay(String.valueOf(value))) {
                    errors.add("blackouts[" + i + "]." + end, "ожидается дата «2026-12-28» или день года «07-01»");
                }
            }
        }
    }

    private static boolean dateOrDay(String value) {
        try {
            if (value.length() == 5) {
                MonthDay.parse("--" + value);
            } else {
                LocalDate.parse(value);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean absoluteHttp(String address) {
        try {
            URI uri = URI.create(address);
            return uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CollegeSettings bind(Map<String, Object> tree, Errors errors) {
        Binder binder = new Binder(new MapConfigurationPropertySource(SettingsTree.flatten(PREFIX, tree)));
        AbstractBindHandler collect = new AbstractBindHandler() {
            @Override
            public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
                Throwable cause = error;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                errors.add(field(name.toString().substring(PREFIX.length() + 1)), "неверное значение: " + cause.getMessage());
                return null;
            }
        };
        return binder.bind(PREFIX, Bindable.of(CollegeSettings.class), collect).orElse(null);
    }

    /** {@code targets[epos].baseUrl} → {@code targets.epos.base-url}. */
    private static String field(String path) {
        String dotted = path.replaceAll("\\[([^\\]]+)]", ".$1");
        StringBuilder field = new StringBuilder();
        for (char c : dotted.toCharArray()) {
            if (Character.isUpperCase(c)) {
                field.append('-').append(Character.toLowerCase(c));
            } else {
                field.append(c);
            }
        }
        return field.toString();
    }

    private static String message(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotNull", "NotBlank" -> "обязательное поле";
            case "Min", "DecimalMin" -> "не меньше " + attributes.get("value");
            case "Max", "DecimalMax" -> "не больше " + attributes.get("value");
            default -> violation.getMessage();
        };
    }

    /** Errors in the order found, one per field and message. */
    private static final class Errors {
        private final Map<String, SettingError> found = new LinkedHashMap<>();

        void add(String field, String message) {
            found.putIfAbsent(field + "\n" + message, new SettingError(field, message));
        }

        void addUnlessNamed(String field, String message) {
            if (found.values().stream().noneMatch(error -> error.field().equals(field))) {
                add(field, message);
            }
        }

        boolean isEmpty() {
            return found.isEmpty();
        }

        List<SettingError> list() {
            return List.copyOf(found.values());
        }
    }
}
