package ru.spobridge.app.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.UserScopes;

/**
 * What the signed-in user (or API token) may see: the whole hub or a set of colleges (their own, or a region's).
 * Every API answer, export and page goes through it: {@link #require} for one college (403 otherwise), {@link #scope}
 * to filter lists. Work without a user (schedules, recovery) is the hub's own and sees everything.
 */
@Component
public class Access {

    private final UserScopes scopes;
    private final CollegeStore colleges;

    public Access(UserScopes scopes, CollegeStore colleges) {
        this.scopes = scopes;
        this.colleges = colleges;
    }

    /** The colleges the current user sees; {@code all} when scoped to the whole hub (then {@code ids} is empty). */
    public record Scope(boolean all, Set<String> ids) {
        public static final Scope NOTHING = new Scope(false, Set.of());

        public boolean sees(String college) {
            return all || (college != null && ids.contains(college));
        }

        /** For store queries: {@code null} means no filter, otherwise the list (possibly empty: sees nothing). */
        public List<String> filter() {
            return all ? null : List.copyOf(ids);
        }
    }

    /** The current user's scope. */
    public Scope scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Scope(true, Set.of());
        }
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return Scope.NOTHING;
        }
        return scopeOf(authentication.getName());
    }

    /** A user's scope: ALL, or their colleges plus every college of their regions. */
    public Scope scopeOf(String username) {
        Set<String> ids = new LinkedHashSet<>();
        for (UserScopes.Scope scope : scopes.scopes(username)) {
            switch (scope.kind()) {
                case "ALL" -> {
                    return new Scope(true, Set.of());
                }
                case "COLLEGE" -> ids.add(scope.id());
                case "REGION" -> colleges.colleges().stream()
                        .filter(college -> scope.id().equals(college.definition().regionId()))
                        .forEach(college -> ids.add(college.definition().id()));
                default -> {
                }
            }
        }
        return new Scope(false, Set.copyOf(ids));
    }

    /** 403 unless the current user sees this college. */
    public void require(String college) {
        if (!scope().sees(college)) {
            throw new AccessDeniedException("Нет доступа к колледжу «" + college + "»");
        }
    }

    /** Keeps only the items of colleges the current user sees. */
    public <T> List<T> visible(Collection<T> items, Function<T, String> college) {
        Scope scope = scope();
        return scope.all() ? List.copyOf(items) : items.stream().filter(item -> scope.sees(college.apply(item))).toList();
    }

    /** The current user's name, for the audit log. */
    public String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    /** Whether the current user holds the role (the hierarchy included: an administrator is also an operator). */
    public boolean has(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
