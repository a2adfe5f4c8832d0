package ru.spobridge.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console reads freely (it listens on 127.0.0.1 and shows only masked data); every action needs an operator
 * signed in with HTTP Basic, so that the audit log can say who. Simulators bring their own token checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
public class SecurityConfiguration {

    public static final String ROLE = "OPERATOR";
    /** Actions must carry this header: a page of another site cannot add it without a CORS preflight. */
    public static final String ACTION_HEADER = "X-Requested-With";

    private static final List<String> SIMULATOR_PATHS = List.of("/contingent-sim/**", "/epos-sim/**", "/sgo-sim/**",
            "/aisepo-sim/**", "/zup-sim/**", "/journal-sim/**", "/asc-sim/**");

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The bundled simulators stand for other organisations' systems: they check their own tokens and Basic users,
     * so the hub's security leaves their paths alone (an Authorization header there is not an operator's). Only
     * when they run (demo, tests): otherwise these paths are denied like any unknown one.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    @ConditionalOnProperty(prefix = "spo.simulators", name = "enabled", havingValue = "true")
    SecurityFilterChain simulators(HttpSecurity http) throws Exception {
        // plain path matching: the SOAP simulator is a servlet of its own, outside Spring MVC's mappings
        http.securityMatcher(new OrRequestMatcher(SIMULATOR_PATHS.stream()
                        .map(path -> (RequestMatcher) AntPathRequestMatcher.antMatcher(path)).toList()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // college and region settings, users and scopes are not public reads
                        .requestMatchers("/api/admin/**").hasRole(ROLE)
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/api/**", "/actuator/health",
                                "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/**").hasRole(ROLE)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                // API clients authenticate on every request (no session cookie); the action header covers cross-site posts
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ActionHeaderFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    UserDetailsService operators(OperatorProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        Map<String, String> operators = properties.operators().isEmpty() ? Map.of("operator", "") : properties.operators();
        for (Map.Entry<String, String> operator : operators.entrySet()) {
            String password = operator.getValue();
            if (password == null || password.isBlank()) {
                password = oneTimePassword();
                log.warn("У оператора «{}» не задан пароль (spo.security.operators): для этого запуска создан пароль {} — "
                        + "задайте постоянный через переменную окружения", operator.getKey(), password);
            }
            users.add(User.withUsername(operator.getKey()).password(encoder.encode(password)).roles(ROLE).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String oneTimePassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Rejects state-changing API calls without the action header. */
    static final class ActionHeaderFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean action = !HttpMethod.GET.matches(request.getMethod()) && request.getRequestURI().startsWith("/api/");
            if (action && request.getHeader(ACTION_HEADER) == null) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"message\":\"Действие требует заголовка " + ACTION_HEADER + "\"}");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
