package ru.spobridge.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.AuditLog;

/** Who is signed in (for the console's top bar and its buttons), the CSRF token, one's own password. */
@RestController
public class MeApi {

    private final Access access;
    private final HubUsers users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public MeApi(Access access, HubUsers users, PasswordEncoder encoder, AuditLog audit) {
        this.access = access;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    public record Me(String name, String displayName, String role, boolean allColleges, List<String> colleges) {
    }

    @GetMapping("/api/me")
    public Me me(Principal principal) {
        Access.Scope scope = access.scope();
        String role = access.has("ADMIN") ? "ADMIN" : access.has("OPERATOR") ? "OPERATOR" : "OBSERVER";
        String displayName = users.find(principal.getName()).map(HubUsers.Account::displayName).orElse(null);
        return new Me(principal.getName(), displayName, role, scope.all(), scope.ids().stream().sorted().toList());
    }

    /** The sign-in page asks for it so that its form carries the token (the cookie comes with this answer). */
    @GetMapping("/api/csrf")
    public Map<String, String> csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? Map.of() : Map.of("headerName", token.getHeaderName(), "parameterName", token.getParameterName());
    }

    @PostMapping("/api/me/password")
    public ResponseEntity<Map<String, Object>> changePassword(@RequestBody Map<String, String> body, Principal principal) {
        HubUsers.Account account = users.find(principal.getName()).orElseThrow();
        List<SettingError> errors = new ArrayList<>();
        if (body.get("current") == null || account.passwordHash() == null || !encoder.matches(body.get("current"), account.passwordHash())) {
            errors.add(new SettingError("current", "текущий пароль неверен"));
        }
        String password = body.get("password");
        if (password == null || password.length() < 10) {
            errors.add(new SettingError("password", "пароль не короче 10 символов"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("message", "Пароль не изменён", "errors", errors));
        }
        users.setPasswordHash(principal.getName(), encoder.encode(password));
        audit.record(principal.getName(), "USER_PASSWORD_SET", null, principal.getName(), "пароль сменён самим пользователем");
        return ResponseEntity.ok(Map.of("user", principal.getName()));
    }
}
