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

    @Override
    @SuppressWarnings("unchecked")
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object attribute = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (attribute instanceof Map<?, ?> variables) {
            Map<String, String> path = (Map<String, String>) variables;
            String college = path.get("college");
            if (college == null && path.containsKey("id")) {
                String uri = request.getRequestURI();
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
