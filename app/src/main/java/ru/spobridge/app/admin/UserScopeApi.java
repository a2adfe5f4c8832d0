package ru.spobridge.app.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.OperatorProperties;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.UserScopes;

/** Users bound to a college, a region or the whole hub (data and API; the console enforces the scope). */
@RestController
@RequestMapping("/api/admin/users")
public class UserScopeApi {

    private static final Logger log = LoggerFactory.getLogger(UserScopeApi.class);

    private final UserScopes scopes;
    private final Colleges colleges;
    private final CollegeStore store;
    private final AuditLog audit;
    private final OperatorProperties operators;

    public UserScopeApi(UserScopes scopes, Colleges colleges, CollegeStore store, AuditLog audit, OperatorProperties operators) {
        this.scopes = scopes;
        this.colleges = colleges;
        this.store = store;
        this.audit = audit;
        this.operators = operators;
    }

    /** Operators from the settings see the whole hub unless bound to less. */
    @EventListener(ApplicationReadyEvent.class)
    public void seedOperators() {
        try {
            scopes.seed(operators.operators().isEmpty() ? List.of("operator") : operators.operators().keySet());
        } catch (RuntimeException e) {
            log.warn("Области операторов не записаны: {}", e.getMessage());
        }
    }

    @GetMapping
    public List<UserScopes.User> users() {
        return scopes.users();
    }

    @PutMapping("/{name}/scopes")
    public ResponseEntity<Map<String, Object>> replace(@PathVariable String name, @RequestBody List<UserScopes.Scope> requested,
                                                       Principal operator) {
        List<SettingError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            UserScopes.Scope scope = requested.get(i);
            String field = "[" + i + "]";
            if (scope.kind() == null || !UserScopes.KINDS.contains(scope.kind())) {
                errors.add(new SettingError(field + ".kind", "ожидается COLLEGE, REGION или ALL"));
            } else if (scope.kind().equals("COLLEGE") && !colleges.known(scope.id())) {
                errors.add(new SettingError(field + ".id", "колледж «" + scope.id() + "» не найден"));
            } else if (scope.kind().equals("REGION") && store.region(scope.id()).isEmpty()) {
                errors.add(new SettingError(field + ".id", "регион «" + scope.id() + "» не найден"));
            }
        }
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Области пользователя не сохранены", errors);
        }
        List<UserScopes.Scope> normalised = requested.stream()
                .map(scope -> scope.kind().equals("ALL") ? new UserScopes.Scope("ALL", "*") : scope).distinct().toList();
        scopes.replace(name, normalised, operator.getName());
        audit.record(operator.getName(), "USER_SCOPES_CHANGED", null, name, "поля: scopes");
        return ResponseEntity.ok(Map.of("user", name, "scopes", normalised));
    }
}
