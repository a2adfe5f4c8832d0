package ru.spobridge.app.notify;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.store.NotificationStore;
import ru.spobridge.routes.store.NotificationStore.Subscription;
import ru.spobridge.routes.store.UserScopes;

/**
 * Who receives a notification: subscriptions to its kind whose scope covers it — the college, its region, or the
 * whole hub — and, when a subscription belongs to a hub user, only if that user's own scope sees its colleges.
 */
@Component
public class Recipients {

    public static final String COLLEGE = "COLLEGE";
    public static final String REGION = "REGION";
    public static final String ALL = "ALL";

    private final NotificationStore store;
    private final UserScopes users;
    private final Colleges colleges;
    private final Access access;

    public Recipients(NotificationStore store, UserScopes users, Colleges colleges, Access access) {
        this.store = store;
        this.users = users;
        this.colleges = colleges;
        this.access = access;
    }

    public List<Subscription> of(Notification notification) {
        return store.subscriptions().stream().filter(subscription -> covers(subscription, notification.kind(), notification.colleges(),
                notification.regions(), notification.anyCollege())).toList();
    }

    boolean covers(Subscription subscription, NotificationKind kind, Set<String> about, Set<String> regions, boolean anyCollege) {
        if (!subscription.enabled() || !subscription.kinds().contains(kind.name())) {
            return false;
        }
        boolean inScope = switch (subscription.scopeKind()) {
            case ALL -> true;
            case REGION -> regions.contains(subscription.scopeId());
            case COLLEGE -> !kind.regional() && about.contains(subscription.scopeId());
            default -> false;
        };
        return inScope && (subscription.username() == null || userSees(subscription.username(), about, anyCollege));
    }

    /**
     * A user bound to colleges or regions gets only what is about them (every college of it, or any for a platform):
     * the console's own scope of that user, and for a college of the settings file its region by name.
     */
    boolean userSees(String username, Set<String> about, boolean anyCollege) {
        Access.Scope scope = access.scopeOf(username);
        if (scope.all()) {
            return true;
        }
        if (about.isEmpty()) {
            return false;
        }
        List<UserScopes.Scope> granted = users.scopes(username);
        java.util.function.Predicate<String> sees = college -> scope.sees(college) || granted.stream().anyMatch(
                region -> REGION.equals(region.kind()) && region.id().equals(regionOf(college)));
        return anyCollege ? about.stream().anyMatch(sees) : about.stream().allMatch(sees);
    }

    /** A college's region as subscriptions and user scopes name it: its region id, or the region's name for a college of the settings file. */
    public String regionOf(String college) {
        if (!colleges.known(college)) {
            return null;
        }
        try {
            CollegeSettings settings = colleges.settings(college);
            return settings.regionId() != null && !settings.regionId().isBlank() ? settings.regionId() : settings.region();
        } catch (IllegalStateException notResolved) {
            return null;
        }
    }
}
