package ru.spobridge.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A college named in the path ({college}, or {id} under /api/colleges and /api/admin/colleges) must be one the user
 * sees: one rule for every such endpoint, present and future, instead of a check in each.
 */
@Configuration(proxyBeanMethods = false)
public class CollegeScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Access access;

    public CollegeScopeInterceptor(Access access) {
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Hub-wide administration: users, tokens, regions, the calendar, the whole export — not for a college's administrator. */
    private static final java.util.List<String> WHOLE_HUB = java.util.List.of("/api/admin/users", "/api/admin/tokens",
            "/api/admin/regions", "/api/admin/export", "/api/admin/calendar");

    @Override
    @SuppressWarnings("unchecked")
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String uri = request.getRequestURI();
        if (WHOLE_HUB.stream().anyMatch(uri::startsWith) && !access.scope().all()) {
            throw new org.springframework.security.access.AccessDeniedException("Нет доступа: это настройка всего узла, "
                    + "она доступна администратору всего узла");
        }
        Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (attribute instanceof Map<?, ?> variables) {
            Map<String, String> path = (Map<String, String>) variables;
            String college = path.get("college");
            if (college == null && path.containsKey("id")) {
                if (uri.startsWith("/api/colleges/") || uri.startsWith("/api/admin/colleges/")) {
                    college = path.get("id");
                }
            }
            if (college != null) {
                access.require(college);
            }
        }
        return true;
    }
}
