package ru.spobridge.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.spobridge.routes.store.AuditLog;

/**
 * Everything but the sign-in page and health needs a signed-in user. People sign in with a form and keep a session
 * (30 minutes idle); their state changes carry Spring's CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN). Machine
 * clients send {@code Authorization: Bearer spo_…} (an API token) or HTTP Basic on every request, without a session;
 * no Basic challenge is ever sent, so browsers never show their own password prompt. Roles: ADMIN (users, colleges,
 * settings, reveal) > OPERATOR (runs, holds, replays, code tables) > OBSERVER (read only); which colleges a user sees is
 * {@link Access}'s business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
public class SecurityConfiguration {

    /** State-changing API calls carry this header as well (defence in depth for clients without a session). */
    public static final String ACTION_HEADER = "X-Requested-With";

    private static final List<String> SIMULATOR_PATHS = List.of("/contingent-sim/**", "/epos-sim/**", "/sgo-sim/**",
            "/aisepo-sim/**", "/ias-epos-sim/**", "/zup-sim/**", "/journal-sim/**", "/asc-sim/**");

    /**
     * The bundled simulators stand for other organisations' systems: they check their own tokens and Basic users,
     * so the hub's security leaves their paths alone. They exist only where they run (the demo profile and tests):
     * the production jar does not contain them, and these paths are denied like any unknown one.
     */
    @Bean
    @Order(1)
    @ConditionalOnProperty(prefix = "spo.simulators", name = "enabled", havingValue = "true")
    SecurityFilterChain simulators(HttpSecurity http) throws Exception {
        // plain path matching: the SOAP simulator is a servlet of its own, outside Spring MVC's mappings
        http.securityMatcher(new OrRequestMatcher(SIMULATOR_PATHS.stream()
                        .map(path -> (RequestMatcher) AntPathRequestMatcher.antMatcher(path)).toList()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain filterChain(HttpSecurity http, Accounts accounts, AuditLog audit) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        // the token is read from the cookie by the console's script and sent back as is
        csrfHandler.setCsrfRequestAttributeName(null);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login.html", "/assets/**", "/favicon.ico", "/error", "/api/csrf").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**").hasRole("ADMIN")
                        .requestMatchers("/admin.html").hasRole("ADMIN")
                        .requestMatchers("/actuator/**").authenticated()
                        .requestMatchers("/api/records/reveal").hasRole("ADMIN")
                        // journal archives and their content: administrators only (issue 17 item 7)
                        .requestMatchers("/api/archives", "/api/archives/**", "/archives.html").hasRole("ADMIN")
                        // code tables are the operator's; the rest of the administration is the administrator's
                        .requestMatchers(HttpMethod.GET, "/api/admin/colleges/*/code-tables/**").hasRole("OBSERVER")
                        .requestMatchers("/api/admin/colleges/*/code-tables/**").hasRole("OPERATOR")
                        // a college page shows its settings (secrets only as references) to whoever sees the college
                        .requestMatchers(HttpMethod.GET, "/api/admin/colleges/*").hasRole("OBSERVER")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole("OBSERVER")
                        .requestMatchers("/api/me/**").hasRole("OBSERVER")
                        .requestMatchers("/api/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/", "/*.html", "/webjars/**").hasRole("OBSERVER")
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login").permitAll()
                        .successHandler((request, response, authentication) -> {
                            accounts.signedIn(authentication.getName());
                            SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
                            next.setDefaultTargetUrl("/index.html");
                            next.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                exception instanceof LockedException ? "/login.html?locked"
                                        : exception instanceof DisabledException ? "/login.html?disabled" : "/login.html?error")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        audit.record(authentication.getName(), "SIGN_OUT", null, authentication.getName(), "выход из консоли");
                    }
                    response.sendRedirect("/login.html?logout");
                }))
                // Basic stays for scripts and tests; its entry point never sends a challenge (no browser prompt)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler((request, response, denied) -> {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            String message = denied.getMessage() != null && denied.getMessage().startsWith("Нет доступа")
                                    ? denied.getMessage() : "Нет прав на это действие";
                            if (request.getRequestURI().startsWith("/api/")) {
                                response.setContentType("application/json;charset=UTF-8");
                                response.getWriter().write("{\"message\":\"" + message.replace("\"", "'") + "\"}");
                            } else {
                                response.setContentType("text/html;charset=UTF-8");
                                response.getWriter().write("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"UTF-8\"><title>Нет прав</title>"
                                        + "<link rel=\"stylesheet\" href=\"/assets/console.css\"></head><body><main><section><h1 id=\"denied\">Нет прав</h1>"
                                        + "<p>Эта страница доступна другой роли. Обратитесь к администратору узла.</p>"
                                        + "<p><a href=\"/index.html\">На главную</a></p></section></main></body></html>");
                            }
                        }))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        // a request that authenticates itself (token or Basic) carries no cookie a foreign page could ride on
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                                // without a session an API call can only be anonymous: it gets 401, not a CSRF 403
                                || (request.getRequestURI().startsWith("/api/") && request.getSession(false) == null)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .addFilterBefore(new ApiTokenFilter(accounts), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new ActionHeaderFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** API and actuator callers get 401 JSON; a person opening a page is sent to the sign-in page. */
    static AuthenticationEntryPoint entryPoint() {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login.html");
        return (request, response, exception) -> {
            String path = request.getRequestURI();
            if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"message\":\"Требуется вход: войдите в консоль или передайте токен API\"}");
            } else {
                page.commence(request, response, exception);
            }
        };
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("OPERATOR").role("OPERATOR").implies("OBSERVER").build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, with the {id} prefix so that a stronger encoder can take over later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** {@code Authorization: Bearer spo_…}: the token's user, without a session; an unknown or revoked token is 401. */
    static final class ApiTokenFilter extends OncePerRequestFilter {
        private final Accounts accounts;

        ApiTokenFilter(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<UserDetails> user = accounts.tokenUser(header.substring(7).trim());
                if (user.isEmpty()) {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setContentType("application/json;charset=UTF-8");
                    response.getWriter().write("{\"message\":\"Токен API неизвестен или отозван\"}");
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get().getUsername(), null,
                        user.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }

    /** Loads the deferred CSRF token so that its cookie reaches the browser with every answer. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
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
