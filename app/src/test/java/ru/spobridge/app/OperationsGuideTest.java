package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import ru.spobridge.app.admin.CodeTableAdminApi;
import ru.spobridge.app.admin.CollegeAdminApi;
import ru.spobridge.app.admin.RegionAdminApi;
import ru.spobridge.app.admin.SecretAdminApi;
import ru.spobridge.app.console.ConnectionTestApi;
import ru.spobridge.app.console.PauseApi;
import ru.spobridge.app.wiring.EnvironmentReport;
import ru.spobridge.routes.config.region.RegionFiles;

/**
 * The operations guide (docs/) stays true to the code: the variable list is generated from config/regions, the systemd
 * unit runs the documented jar from the documented folder, and every admin path the controllers serve is in the guide.
 * After changing config/regions regenerate the list with
 * {@code ./mvnw -B -o -pl app -am test -Dtest=OperationsGuideTest -Dsurefire.failIfNoSpecifiedTests=false -DskipKafkaBus -Dspo.docs.write=true}.
 */
class OperationsGuideTest {

    private static final Path DOCS = Path.of("../docs");
    private static final Path VARIABLES = DOCS.resolve("переменные-окружения.md");

    @Test
    void the_variable_list_in_docs_is_generated_from_the_region_files() throws IOException {
        String generated = EnvironmentReport.markdown(RegionFiles.readAll(Path.of("../config/regions")));
        if (Boolean.getBoolean("spo.docs.write")) {
            Files.writeString(VARIABLES, generated, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(VARIABLES, StandardCharsets.UTF_8))
                .as("docs/переменные-окружения.md differs from config/regions: regenerate it with -Dspo.docs.write=true "
                        + "(see OperationsGuideTest)")
                .isEqualTo(generated);
        assertThat(generated).contains("| `PERM_EPOS_SECRET` | переменная окружения | `targets.epos.client-secret` |",
                "### kuz-demo", "### perm-school-demo", "`PERM_SCHOOL_IAS_EPOS_URL`", "Всего ссылок: 36.");
    }

    @Test
    void the_systemd_unit_runs_the_exec_jar_from_the_documented_directory() throws IOException {
        String unit = Files.readString(DOCS.resolve("systemd/spo-bridge.service"), StandardCharsets.UTF_8);
        String guide = guide();

        assertThat(unit).contains("User=spo-bridge", "WorkingDirectory=/opt/spo-bridge",
                "ExecStart=/usr/bin/java -Xms512m -Xmx1g", "-jar /opt/spo-bridge/spo-bridge.jar",
                "EnvironmentFile=/etc/spo-bridge/spo-bridge.env", "ReadWritePaths=/opt/spo-bridge/data");
        assertThat(guide).contains("app/target/spo-bridge-app-*-exec.jar", "/opt/spo-bridge/spo-bridge.jar",
                "Рабочий каталог — `/opt/spo-bridge`", "/opt/spo-bridge/data/artemis", "docs/nginx/spo-bridge.conf");
        assertThat(Files.readString(DOCS.resolve("nginx/spo-bridge.conf"), StandardCharsets.UTF_8))
                .contains("proxy_pass http://127.0.0.1:8080;");
    }

    @Test
    void every_admin_path_the_controllers_serve_is_in_the_guide() throws IOException {
        String guide = guide();
        List<String> paths = new ArrayList<>();
        for (Class<?> api : List.of(CollegeAdminApi.class, RegionAdminApi.class, CodeTableAdminApi.class,
                SecretAdminApi.class, PauseApi.class, ConnectionTestApi.class, ru.spobridge.app.admin.UserAdminApi.class,
                ru.spobridge.app.notify.NotificationAdminApi.class)) {
            RequestMapping root = AnnotatedElementUtils.findMergedAnnotation(api, RequestMapping.class);
            String prefix = root == null || root.path().length == 0 ? "" : root.path()[0];
            for (var method : api.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping != null) {
                    String path = prefix + (mapping.path().length == 0 ? "" : mapping.path()[0]);
                    paths.add(mapping.method()[0] + " " + path);
                }
            }
        }

        assertThat(paths).hasSizeGreaterThan(20).allSatisfy(path -> assertThat(guide).as(path).contains(path));
    }

    private static String guide() throws IOException {
        return Files.readString(DOCS.resolve("эксплуатация.md"), StandardCharsets.UTF_8);
    }
}
