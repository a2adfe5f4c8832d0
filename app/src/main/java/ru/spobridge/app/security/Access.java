package ru.spobridge.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user (or API token) may see: the whole hub or a set of colleges. Every API answer, export and
 * page goes through it: {@link #require} for one college (403 otherwise), {@link #colleges} to filter lists.
 */
@Component
public class Access {

    /** The colleges the current user sees; {@code all} when scoped to the whole hub (then {@code ids} is empty). */
    public record Scope(boolean all, Set<String> ids) {
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
        return new Scope(true, Set.of());
    }

    /** 403 unless the current user sees this college. */
    public void require(String college) {
        if (!scope().sees(college)) {
            throw new AccessDeniedException("Нет доступа к колледжу «" + college + "»");
        }
    }

    /** Keeps only the items of colleges the current user sees. */
    public <T> List<T> visible(Collection<T> items, java.util.function.Function<T, String> college) {
        Scope scope = scope();
        return items.stream().filter(item -> scope.sees(college.apply(item))).toList();
    }

    /** The current user's name, for the audit log. */
    public String user() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
