package ru.spobridge.app.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.UserScopes;

/**
 * Accounts as Spring Security sees them: loaded from the store with their lock state; wrong passwords counted and
 * the account locked after {@code maxFailedAttempts}; sign-ins and lockouts audited. Creates the accounts the
 * settings name, and the first administrator.
 */
@Component
public class Accounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final HubUsers users;
    private final UserScopes scopes;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final OperatorProperties properties;
    private final Clock clock;

    public Accounts(HubUsers users, UserScopes scopes, AuditLog audit, PasswordEncoder encoder, OperatorProperties properties, Clock clock) {
        this.users = users;
        this.scopes = scopes;
        this.audit = audit;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        HubUsers.Account account = users.find(username).filter(a -> a.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("нет такого пользователя"));
        return User.withUsername(account.username()).password(account.passwordHash()).authorities(authorities(account.role()))
                .disabled(!account.enabled()).accountLocked(account.lockedAt(clock.instant())).build();
    }

    /** ROLE_ADMIN implies the operator's and observer's rights (the role hierarchy says the same for URL rules). */
    public static List<GrantedAuthority> authorities(String role) {
        return switch (role) {
            case "ADMIN" -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_OPERATOR"),
                    new SimpleGrantedAuthority("ROLE_OBSERVER"));
            case "OPERATOR" -> List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"), new SimpleGrantedAuthority("ROLE_OBSERVER"));
            default -> List.of(new SimpleGrantedAuthority("ROLE_OBSERVER"));
        };
    }

    /** The user of an API token, with their role, if the token is valid and the user enabled. */
    public Optional<UserDetails> tokenUser(String token) {
        return users.tokenUser(token).flatMap(users::find).filter(HubUsers.Account::enabled)
                .map(account -> User.withUsername(account.username()).password("").authorities(authorities(account.role())).build());
    }

    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (users.find(username).isEmpty()) {
            audit.record(username.length() > 100 ? username.substring(0, 100) : username, "SIGN_IN_FAILED", null, null, "неизвестный пользователь");
            return;
        }
        boolean locked = users.failed(username, properties.maxFailedAttempts(), properties.lockFor());
        audit.record(username, "SIGN_IN_FAILED", null, username, "неверный пароль");
        if (locked) {
            audit.record(username, "ACCOUNT_LOCKED", null, username, "после " + properties.maxFailedAttempts()
                    + " неверных паролей, на " + properties.lockFor().toMinutes() + " мин");
            log.warn("Учётная запись {} заблокирована на {} мин после неверных паролей", username, properties.lockFor().toMinutes());
        }
    }

    @EventListener
    public void onRefused(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof LockedException || event.getException() instanceof DisabledException) {
            String username = String.valueOf(event.getAuthentication().getPrincipal());
            audit.record(username, "SIGN_IN_REFUSED", null, username,
                    event.getException() instanceof LockedException ? "учётная запись заблокирована" : "учётная запись отключена");
        }
    }

    /** Form and Basic sign-ins; a Basic client authenticates on every request, so only the first of a session counts. */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        Optional<HubUsers.Account> account = users.find(username);
        if (account.isPresent() && account.get().failedAttempts() > 0) {
            users.signedIn(username);
        }
    }

    /** Audited by the form login's success handler: one row per console sign-in, not per Basic request. */
    public void signedIn(String username) {
        users.signedIn(username);
        audit.record(username, "SIGN_IN", null, username, "вход в консоль");
    }

    /** Accounts from the settings and the first administrator. */
    @EventListener(ApplicationReadyEvent.class)
    public void bootstrap() {
        try {
            for (var operator : properties.operators().entrySet()) {
                if (operator.getValue() == null || operator.getValue().isBlank()) {
                    log.warn("У пользователя «{}» в spo.security.operators не задан пароль: учётная запись не создана", operator.getKey());
                    continue;
                }
                ensure(operator.getKey(), operator.getValue(), true);
            }
            OperatorProperties.Admin admin = properties.admin();
            if (admin.password() != null && !admin.password().isBlank()) {
                ensure(admin.username(), admin.password(), true);
            } else if (users.count() == 0) {
                String password = generated();
                ensure(admin.username(), password, false);
                Path file = writeInitialPassword(password);
                log.warn("Создан первый администратор «{}». Его пароль записан в файл {} (доступен только владельцу процесса); "
                        + "войдите, смените пароль и удалите файл. В рабочей установке задайте SPO_ADMIN_PASSWORD.",
                        admin.username(), file.toAbsolutePath());
            }
        } catch (RuntimeException | IOException e) {
            log.error("Учётные записи из настроек не созданы: {}", e.getMessage());
        }
    }

    private void ensure(String username, String password, boolean fromSettings) {
        Optional<HubUsers.Account> existing = users.find(username);
        boolean sameHash = existing.map(HubUsers.Account::passwordHash).filter(hash -> encoder.matches(password, hash)).isPresent();
        users.save(username, null, sameHash ? null : encoder.encode(password), "ADMIN");
        if (scopes.scopes(username).isEmpty()) {
            scopes.replace(username, List.of(new UserScopes.Scope("ALL", "*")), "settings");
        }
        if (existing.isEmpty() || !sameHash) {
            audit.record("settings", existing.isEmpty() ? "USER_CREATED" : "USER_PASSWORD_SET", null, username,
                    fromSettings ? "администратор из настроек" : "первый администратор, пароль в файле");
        }
    }

    private Path writeInitialPassword(String password) throws IOException {
        Path file = properties.initialPasswordFile();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password + System.lineSeparator());
        return file;
    }

    private static String generated() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
