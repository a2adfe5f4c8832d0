package ru.spobridge.app.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.spobridge.app.notify.NotificationAdminApi.SubscriptionRequest;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.NotificationStore.Subscription;
import ru.spobridge.routes.store.UserScopes;

/** What a subscription must be: every wrong field named in Russian, so that a form can mark each one. */
@Component
public class SubscriptionRules {

    static final List<NotificationKind> SUBSCRIBABLE = Arrays.stream(NotificationKind.values())
            .filter(kind -> kind != NotificationKind.TEST).toList();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");

    private final Colleges colleges;
    private final UserScopes users;
    private final Recipients recipients;

    public SubscriptionRules(Colleges colleges, UserScopes users, Recipients recipients) {
        this.colleges = colleges;
        this.users = users;
        this.recipients = recipients;
    }

    public List<SettingError> check(SubscriptionRequest request) {
        List<SettingError> errors = new ArrayList<>();
        String scope = request.scope();
        if (!Set.of(Recipients.COLLEGE, Recipients.REGION, Recipients.ALL).contains(scope)) {
            errors.add(new SettingError("scope", "Область: COLLEGE (колледж), REGION (регион) или ALL (весь узел)"));
        } else if (Recipients.COLLEGE.equals(scope) && (request.scopeId() == null || !colleges.known(request.scopeId()))) {
            errors.add(new SettingError("scopeId", "Колледж не найден: укажите его идентификатор, например test-college"));
        } else if (Recipients.REGION.equals(scope) && blank(request.scopeId())) {
            errors.add(new SettingError("scopeId", "Укажите регион (идентификатор региона или его название для колледжей из файла настроек)"));
        }
        if (blank(request.role())) {
            errors.add(new SettingError("role", "Укажите роль получателя, например «ИТ-специалист колледжа» или «министерство»"));
        } else if (request.role().length() > 200) {
            errors.add(new SettingError("role", "Роль — не длиннее 200 знаков"));
        }
        String address = request.address() == null ? "" : request.address().strip();
        if (MailChannel.EMAIL.equals(request.channel())) {
            if (!EMAIL.matcher(address).matches() || address.length() > 500) {
                errors.add(new SettingError("address", "Адрес электронной почты вида it@college.example (один адрес на подписку)"));
            }
        } else if (WebhookChannel.WEBHOOK.equals(request.channel())) {
            if (!webAddress(address)) {
                errors.add(new SettingError("address", "Адрес веб-хука: http:// или https:// с именем сервера"));
            }
        } else {
            errors.add(new SettingError("channel", "Канал: EMAIL (электронная почта) или WEBHOOK (JSON на адрес)"));
        }
        List<String> kinds = request.kinds() == null ? List.of() : request.kinds();
        if (kinds.isEmpty()) {
            errors.add(new SettingError("kinds", "Выберите хотя бы один вид: " + String.join(", ", SUBSCRIBABLE.stream().map(Enum::name).toList())));
        }
        for (String kind : kinds) {
            NotificationKind known = SUBSCRIBABLE.stream().filter(candidate -> candidate.name().equals(kind)).findFirst().orElse(null);
            if (known == null) {
                errors.add(new SettingError("kinds", "Неизвестный вид уведомления: " + kind));
            } else if (known.regional() && Recipients.COLLEGE.equals(scope)) {
                errors.add(new SettingError("kinds", "Сводка по региону — только для подписки на регион (REGION) или весь узел (ALL)"));
            }
        }
        if (request.username() != null && !request.username().isBlank()) {
            List<UserScopes.Scope> scopes = users.scopes(request.username().strip());
            if (scopes.isEmpty()) {
                errors.add(new SettingError("username", "Пользователь не найден или ни к чему не привязан: " + request.username()));
            } else if (!within(scope, request.scopeId(), scopes)) {
                errors.add(new SettingError("scope", "Пользователь «" + request.username() + "» не видит эту область: "
                        + "подписка шире его привязки к колледжам и регионам"));
            }
        }
        return errors;
    }

    public Subscription subscription(long id, SubscriptionRequest request) {
        return new Subscription(id, request.scope(), Recipients.ALL.equals(request.scope()) ? "*" : request.scopeId().strip(),
                request.role().strip(), request.channel(), request.address().strip(), new LinkedHashSet<>(request.kinds()),
                request.username() == null || request.username().isBlank() ? null : request.username().strip(),
                request.enabled() == null || request.enabled(), null, null);
    }

    static String title(String kind) {
        return SUBSCRIBABLE.stream().filter(candidate -> candidate.name().equals(kind)).map(NotificationKind::title).findFirst().orElse(kind);
    }

    /** A user bound to a college may subscribe to it; bound to a region, to it or its colleges; to the hub, to anything. */
    private boolean within(String scope, String scopeId, List<UserScopes.Scope> scopes) {
        for (UserScopes.Scope granted : scopes) {
            if (Recipients.ALL.equals(granted.kind())
                    || (granted.kind().equals(scope) && granted.id().equals(scopeId))
                    || (Recipients.REGION.equals(granted.kind()) && Recipients.COLLEGE.equals(scope) && colleges.known(scopeId)
                    && granted.id().equals(recipients.regionOf(scopeId)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean webAddress(String address) {
        try {
            URI uri = URI.create(address);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && address.length() <= 500;
        } catch (IllegalArgumentException notUri) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
