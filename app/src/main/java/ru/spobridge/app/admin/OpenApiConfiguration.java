package ru.spobridge.app.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's API as OpenAPI (/v3/api-docs, browsable at /swagger-ui.html): administrators only, like the settings. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI hubApi() {
        return new OpenAPI()
                .info(new Info().title("spo-bridge — API узла").version("1")
                        .description("Консоль, операции и администрирование узла обмена колледжей с региональными платформами. "
                                + "Каждый запрос — от пользователя (сеанс консоли с токеном CSRF, HTTP Basic) или с токеном API "
                                + "(Authorization: Bearer spo_…). Роли: администратор, оператор, наблюдатель; колледж в пути "
                                + "должен входить в области пользователя, иначе 403. Действия (POST, PUT, DELETE) требуют заголовка "
                                + "X-Requested-With."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("токен API, выпущенный администратором (/api/admin/tokens)"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
