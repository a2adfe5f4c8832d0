package ru.spobridge.app.admin;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.HubUsers;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.UserScopes;

/**
 * The administrator's accounts page: users with a role and the colleges or regions they see, passwords, lockouts,
 * and API tokens for machine clients (the clear token is answered once; the store keeps its hash).
 */
@RestController
@RequestMapping("/api/admin")
public class UserAdminApi {

    static final int MIN_PASSWORD = 10;

    private final UserScopes scopes;
    private final HubUsers users;
    private final Colleges colleges;
    private final CollegeStore store;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public UserAdminApi(UserScopes scopes, HubUsers users, Colleges colleges, CollegeStore store, AuditLog audit,
                        PasswordEncoder encoder, Clock clock) {
        this.scopes = scopes;
        this.users = users;
        this.colleges = colleges;
        this.store = store;
        this.audit = audit;
        this.encoder = encoder;
        this.clock = clock;
    }

    public record UserView(String username, String displayName, String role, boolean enabled, boolean locked,
                           Instant lastSignInAt, List<UserScopes.Scope> scopes) {
    }

    public record NewUser(String username, String displayName, String role, String password, List<UserScopes.Scope> scopes) {
    }

    public record NewToken(String name, String username) {
    }

    @GetMapping("/users")
    public List<UserView> users() {
        Instant now = clock.instant();
        return users.all().stream().map(account -> new UserView(account.username(), account.displayName(), account.role(),
                account.enabled(), account.lockedAt(now), account.lastSignInAt(), scopes.scopes(account.username()))).toList();
    }

    @PostMapping("/users")
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewUser request, Principal admin) {
        List<SettingError> errors = new ArrayList<>();
        if (request.username() == null || !request.username().matches("[A-Za-z0-9._@-]{2,100}")) {
            errors.add(new SettingError("username", "ожидается имя из латинских букв, цифр и знаков . _ @ -, от 2 до 100 символов"));
        } else if (users.find(request.username()).filter(a -> a.passwordHash() != null).isPresent()) {
            errors.add(new SettingError("username", "пользователь «" + request.username() + "» уже есть"));
        }
        checkRole(request.role(), errors);
        checkPassword(request.password(), "password", errors);
        List<UserScopes.Scope> normalised = checkScopes(request.scopes() == null ? List.of() : request.scopes(), "scopes", errors);
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Пользователь не создан", errors);
        }
        users.save(request.username(), request.displayName(), encoder.encode(request.password()), request.role());
        scopes.replace(request.username(), normalised, admin.getName());
        audit.record(admin.getName(), "USER_CREATED", null, request.username(), "роль " + request.role() + ", области " + describe(normalised));
        return ResponseEntity.ok(Map.of("user", request.username(), "role", request.role(), "scopes", normalised));
    }

    @PutMapping("/users/{name}/scopes")
    public ResponseEntity<Map<String, Object>> replace(@PathVariable String name, @RequestBody List<UserScopes.Scope> requested,
                                                       Principal admin) {
        List<SettingError> errors = new ArrayList<>();
        List<UserScopes.Scope> normalised = checkScopes(requested, "", errors);
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Области пользователя не сохранены", errors);
        }
        scopes.replace(name, normalised, admin.getName());
        audit.record(admin.getName(), "USER_SCOPES_CHANGED", null, name, "области " + describe(normalised));
        return ResponseEntity.ok(Map.of("user", name, "scopes", normalised));
    }

    @PutMapping("/users/{name}/role")
    public ResponseEntity<Map<String, Object>> role(@PathVariable String name, @RequestBody Map<String, String> body, Principal admin) {
        HubUsers.Account account = users.find(name).orElse(null);
        if (account == null) {
            return ResponseEntity.status(404).body(Map.of("message", "Пользователь «" + name + "» не найден"));
        }
        List<SettingError> errors = new ArrayList<>();
        checkRole(body.get("role"), errors);
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Роль не изменена", errors);
        }
        users.save(name, null, null, body.get("role"));
        audit.record(admin.getName(), "USER_ROLE_CHANGED", null, name, account.role() + " → " + body.get("role"));
        return ResponseEntity.ok(Map.of("user", name, "role", body.get("role")));
    }

    @PostMapping("/users/{name}/password")
    public ResponseEntity<Map<String, Object>> password(@PathVariable String name, @RequestBody Map<String, String> body, Principal admin) {
        if (users.find(name).isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("message", "Пользователь «" + name + "» не найден"));
        }
        List<SettingError> errors = new ArrayList<>();
        checkPassword(body.get("password"), "password", errors);
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Пароль не изменён", errors);
        }
        users.setPasswordHash(name, encoder.encode(body.get("password")));
        audit.record(admin.getName(), "USER_PASSWORD_SET", null, name, "пароль задан администратором");
        return ResponseEntity.ok(Map.of("user", name));
    }

    @PostMapping("/users/{name}/disable")
    public ResponseEntity<Map<String, Object>> disable(@PathVariable String name, Principal admin) {
        return switchUser(name, false, admin);
    }

    @PostMapping("/users/{name}/enable")
    public ResponseEntity<Map<String, Object>> enable(@PathVariable String name, Principal admin) {
        return switchUser(name, true, admin);
    }

    @PostMapping("/users/{name}/unlock")
    public ResponseEntity<Map<String, Object>> unlock(@PathVariable String name, Principal admin) {
        if (users.find(name).isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("message", "Пользователь «" + name + "» не найден"));
        }
        users.unlock(name);
        audit.record(admin.getName(), "USER_UNLOCKED", null, name, null);
        return ResponseEntity.ok(Map.of("user", name, "locked", false));
    }

    @GetMapping("/tokens")
    public List<HubUsers.Token> tokens() {
        return users.tokens();
    }

    @PostMapping("/tokens")
    public ResponseEntity<Map<String, Object>> issue(@RequestBody NewToken request, Principal admin) {
        List<SettingError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            errors.add(new SettingError("name", "ожидается название токена (для чего он), до 100 символов"));
        }
        if (request.username() == null || users.find(request.username()).filter(a -> a.passwordHash() != null).isEmpty()) {
            errors.add(new SettingError("username", "пользователь не найден: токен действует от имени пользователя, с его ролью и областями"));
        }
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Токен не выпущен", errors);
        }
        HubUsers.Issued issued = users.issueToken(request.name(), request.username(), admin.getName());
        audit.record(admin.getName(), "TOKEN_ISSUED", null, request.username(), "токен № " + issued.id() + " «" + request.name() + "»");
        return ResponseEntity.ok(Map.of("id", issued.id(), "token", issued.token(),
                "message", "Сохраните токен сейчас: узел хранит только его хеш и больше его не покажет"));
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    public ResponseEntity<Map<String, Object>> revoke(@PathVariable long tokenId, Principal admin) {
        if (!users.revokeToken(tokenId, admin.getName())) {
            return ResponseEntity.status(404).body(Map.of("message", "Действующий токен № " + tokenId + " не найден"));
        }
        audit.record(admin.getName(), "TOKEN_REVOKED", null, users.token(tokenId).map(HubUsers.Token::username).orElse(null),
                "токен № " + tokenId);
        return ResponseEntity.ok(Map.of("id", tokenId, "revoked", true));
    }

    private ResponseEntity<Map<String, Object>> switchUser(String name, boolean enabled, Principal admin) {
        if (users.find(name).isEmpty()) {
            return ResponseEntity.status(404).body(Map.of("message", "Пользователь «" + name + "» не найден"));
        }
        if (!enabled && name.equals(admin.getName())) {
            return ResponseEntity.status(409).body(Map.of("message", "Нельзя отключить собственную учётную запись"));
        }
        users.setEnabled(name, enabled);
        audit.record(admin.getName(), enabled ? "USER_ENABLED" : "USER_DISABLED", null, name, null);
        return ResponseEntity.ok(Map.of("user", name, "enabled", enabled));
    }

    private static void checkRole(String role, List<SettingError> errors) {
        if (role == null || !HubUsers.ROLES.contains(role)) {
            errors.add(new SettingError("role", "ожидается ADMIN (администратор), OPERATOR (оператор) или OBSERVER (наблюдатель)"));
        }
    }

    static void checkPassword(String password, String field, List<SettingError> errors) {
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new SettingError(field, "пароль не короче " + MIN_PASSWORD + " символов"));
        }
    }

    private List<UserScopes.Scope> checkScopes(List<UserScopes.Scope> requested, String prefix, List<SettingError> errors) {
        for (int i = 0; i < requested.size(); i++) {
            UserScopes.Scope scope = requested.get(i);
            String field = prefix + "[" + i + "]";
            if (scope.kind() == null || !UserScopes.KINDS.contains(scope.kind())) {
                errors.add(new SettingError(field + ".kind", "ожидается COLLEGE, REGION или ALL"));
            } else if (scope.kind().equals("COLLEGE") && !colleges.known(scope.id())) {
                errors.add(new SettingError(field + ".id", "колледж «" + scope.id() + "» не найден"));
            } else if (scope.kind().equals("REGION") && store.region(scope.id()).isEmpty()) {
                errors.add(new SettingError(field + ".id", "регион «" + scope.id() + "» не найден"));
            }
        }
        return requested.stream().filter(scope -> scope.kind() != null)
                .map(scope -> scope.kind().equals("ALL") ? new UserScopes.Scope("ALL", "*") : scope).distinct().toList();
    }

    private static String describe(List<UserScopes.Scope> scopes) {
        return scopes.isEmpty() ? "нет" : String.join(", ", scopes.stream().map(s -> switch (s.kind()) {
            case "ALL" -> "весь узел";
            case "REGION" -> "регион " + s.id();
            default -> "колледж " + s.id();
        }).toList());
    }
}
