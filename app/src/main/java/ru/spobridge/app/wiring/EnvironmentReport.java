package ru.spobridge.app.wiring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.SecretReferences;

/**
 * The list of environment variables and secret files every college of the region files needs (docs/переменные-окружения.md),
 * generated from the files themselves so the operations guide never lists a variable the hub does not read.
 */
public final class EnvironmentReport {

    private EnvironmentReport() {
    }

    public static String markdown(List<RegionDocument> regions) {
        StringBuilder text = new StringBuilder();
        text.append("# Переменные окружения и файлы секретов колледжей\n\n")
                .append("<!-- Файл создан EnvironmentReport из config/regions/*.yml; вручную не править. Обновить:\n")
                .append("     ./mvnw -B -o -pl app -am test -Dtest=OperationsGuideTest -Dsurefire.failIfNoSpecifiedTests=false")
                .append(" -DskipKafkaBus -Dspo.docs.write=true -->\n\n")
                .append("Ссылки `env:ИМЯ` — переменная окружения процесса узла, `file:путь` — файл в папке секретов ")
                .append("`spo.secrets.directory` (переменная `SPO_SECRETS_DIRECTORY`). Поля со значением `stored` задаются через ")
                .append("`PUT /api/admin/colleges/{колледж}/secrets?field=…` и в этот список не входят. ")
                .append("Колледж, у которого не задана хотя бы одна переменная, получает статус «не готов» (NOT_READY) ")
                .append("и не запускается; остальные колледжи работают. Общие переменные узла — в docs/эксплуатация.md.\n");
        int total = 0;
        for (RegionDocument region : regions) {
            Map<String, List<SecretReferences.Reference>> byCollege = new TreeMap<>();
            for (SecretReferences.Reference reference : SecretReferences.of(region)) {
                byCollege.computeIfAbsent(reference.collegeId(), id -> new java.util.ArrayList<>()).add(reference);
            }
            text.append("\n## ").append(region.region().name() == null ? region.region().id() : region.region().name())
                    .append(" (`config/regions/").append(region.region().id()).append(".yml`)\n");
            for (CollegeDefinition college : region.colleges().values()) {
                List<SecretReferences.Reference> references = byCollege.getOrDefault(college.id(), List.of());
                total += references.size();
                text.append("\n### ").append(college.id()).append(" — ").append(college.name()).append("\n\n");
                if (references.isEmpty()) {
                    text.append("Ссылок на переменные и файлы нет.\n");
                    continue;
                }
                text.append("| переменная или файл | вид | настройка колледжа |\n|---|---|---|\n");
                for (SecretReferences.Reference reference : references) {
                    text.append("| `").append(reference.name()).append("` | ")
                            .append(reference.kind().equals("env") ? "переменная окружения" : "файл секрета")
                            .append(" | `").append(reference.field()).append("` |\n");
                }
            }
        }
        text.append("\nВсего ссылок: ").append(total).append(".\n");
        return text.toString();
    }
}
