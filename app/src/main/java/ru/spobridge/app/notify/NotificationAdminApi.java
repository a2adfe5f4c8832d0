package ru.spobridge.app.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.admin.ValidationAnswer;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.NotificationStore;
import ru.spobridge.routes.store.NotificationStore.Subscription;

/**
 * Who receives which notifications, changed while the hub runs: list, add, change, remove a subscription (a wrong one
 * is refused whole with every wrong field), send a test message, send a college's digest or a region's summary now.
 * Every change is in the audit log — with the subscription's number, never its address.
 */
@RestController
@RequestMapping("/api/admin/notifications")
public class NotificationAdminApi {

    private final NotificationStore store;
    private final SubscriptionRules rules;
    private final Notifier notifier;
    private final DailyDigests digests;
    private final Colleges colleges;
    private final Access access;
    private final AuditLog audit;
    private final ConsoleLinks links;
    private final Clock clock;

    public NotificationAdminApi(NotificationStore store, SubscriptionRules rules, Notifier notifier, DailyDigests digests, Colleges colleges,
                                Access access, AuditLog audit, ConsoleLinks links, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.notifier = notifier;
        this.digests = digests;
        this.colleges = colleges;
        this.access = access;
        this.audit = audit;
        this.links = links;
        this.clock = clock;
    }

    /**
     * What a client sends: scope COLLEGE (id of the college), REGION (its id) or ALL; role as people call it
     * («ИТ-специалист колледжа», «министерство»); channel EMAIL or WEBHOOK with its address; the kinds; optionally the hub
     * user it belongs to (then it never gets more than that user sees).
     */
    public record SubscriptionRequest(String scope, String scopeId, String role, String channel, String address, List<String> kinds,
                                      String username, Boolean enabled) {
    }

    @GetMapping
    public Map<String, Object> list() {
        Access.Scope scope = access.scope();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscriptions", store.subscriptions().stream().filter(subscription -> visible(scope, subscription)).toList());
        Map<String, String> kinds = new LinkedHashMap<>();
        for (NotificationKind kind : SubscriptionRules.SUBSCRIBABLE) {
            kinds.put(kind.name(), kind.title());
        }
        answer.put("kinds", kinds);
        answer.put("recent", store.recent(50).stream().filter(sent -> sent.collegeId() == null ? scope.all() : scope.sees(sent.collegeId()))
                .toList());
        return answer;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> add(@RequestBody SubscriptionRequest request) {
        List<SettingError> errors = rules.check(request);
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Подписка не сохранена: исправьте поля", errors);
        }
        requireScope(request);
        long id = store.add(rules.subscription(0, request), access.user());
        audit.record(access.user(), "NOTIFICATION_SUBSCRIPTION_ADDED", collegeOf(request), "подписка " + id, described(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @PutMapping("/{id}")
    public ResponseEntity<Map<String, Object>> change(@PathVariable long id, @RequestBody SubscriptionRequest request) {
        Subscription before = existing(id);
        List<SettingError> errors = rules.check(request);
        if (!errors.isEmpty()) {
            return ValidationAnswer.refused("Подписка не изменена: исправьте поля", errors);
        }
        requireScope(request);
        store.change(id, rules.subscription(id, request), access.user());
        audit.record(access.user(), "NOTIFICATION_SUBSCRIPTION_CHANGED", collegeOf(request), "подписка " + id,
                "было: " + described(before) + "; стало: " + described(request));
        return ResponseEntity.ok(Map.of("id", id));
    }

    @DeleteMapping("/{id}")
    public Map<String, Object> remove(@PathVariable long id) {
        Subscription before = existing(id);
        store.remove(id);
        audit.record(access.user(), "NOTIFICATION_SUBSCRIPTION_REMOVED", Recipients.COLLEGE.equals(before.scopeKind()) ? before.scopeId() : null,
                "подписка " + id, described(before));
        return Map.of("id", id);
    }

    /** A test message to one subscription, at once and whatever it subscribed to: proves the address and the server. */
    @PostMapping("/test")
    public ResponseEntity<Map<String, Object>> test(@RequestParam long subscription) {
        Subscription recipient = existing(subscription);
        if (!notifier.canSend(recipient.channel())) {
            return ValidationAnswer.status(HttpStatus.SERVICE_UNAVAILABLE, "MAIL_NOT_CONFIGURED",
                    "Почтовый сервер не задан: укажите SPO_MAIL_HOST (и при необходимости SPO_MAIL_USERNAME, SPO_MAIL_PASSWORD) и перезапустите узел");
        }
        String college = Recipients.COLLEGE.equals(recipient.scopeKind()) ? recipient.scopeId() : null;
        Notification message = new Notification(NotificationKind.TEST, "test:" + clock.millis(), college,
                college == null ? Set.of() : Set.of(college), Set.of(), false, "Проверка уведомлений spo-bridge",
                "Это проверочное сообщение узла обмена spo-bridge. Если вы его получили, адрес «" + recipient.role()
                        + "» настроен верно.\nВиды уведомлений этого получателя: " + String.join(", ", recipient.kinds().stream()
                        .map(SubscriptionRules::title).toList()) + ".",
                links.hub(), clock.instant());
        Notifier.Outcome outcome = notifier.dispatch(message, List.of(recipient));
        audit.record(access.user(), "NOTIFICATION_TEST_SENT", college, "подписка " + subscription, outcome.sent() == 1 ? "отправлено" : "не отправлено");
        if (outcome.sent() != 1) {
            return ValidationAnswer.status(HttpStatus.BAD_GATEWAY, "NOT_SENT",
                    "Проверочное сообщение не отправлено: сервер почты или адрес получателя не ответили (подробности в журнале узла)");
        }
        return ResponseEntity.ok(Map.of("sent", 1));
    }

    /** The college's digest now, to everyone subscribed to it (the scheduled one still goes at its time). */
    @PostMapping("/digest")
    public ResponseEntity<Map<String, Object>> digest(@RequestParam String college) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return ValidationAnswer.status(HttpStatus.NOT_FOUND, "UNKNOWN_COLLEGE", "Колледж не найден или не работает: " + college);
        }
        Notification digest = digests.collegeDigest(college, "digest:" + college + ":now:" + clock.millis());
        Notifier.Outcome outcome = notifier.dispatch(digest);
        audit.record(access.user(), "NOTIFICATION_DIGEST_SENT", college, college, "получателей: " + outcome.sent());
        return ResponseEntity.ok(Map.of("title", digest.title(), "sent", outcome.sent(), "failed", outcome.failed()));
    }

    /** A region's summary now, to the region's and the whole hub's subscribers of it. */
    @PostMapping("/region-summary")
    public ResponseEntity<Map<String, Object>> regionSummary(@RequestParam String region) {
        if (!access.scope().all() && !access.scope().ids().containsAll(digests.collegesOf(region))) {
            throw new org.springframework.security.access.AccessDeniedException("Нет доступа к региону «" + region + "»");
        }
        if (digests.collegesOf(region).isEmpty()) {
            return ValidationAnswer.status(HttpStatus.NOT_FOUND, "UNKNOWN_REGION", "В регионе нет работающих колледжей: " + region);
        }
        Notification summary = digests.regionSummary(region, "region-summary:" + region + ":now:" + clock.millis());
        Notifier.Outcome outcome = notifier.dispatch(summary);
        audit.record(access.user(), "NOTIFICATION_REGION_SUMMARY_SENT", null, region, "получателей: " + outcome.sent());
        return ResponseEntity.ok(Map.of("title", summary.title(), "sent", outcome.sent(), "failed", outcome.failed()));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, Object>> unknown(IllegalArgumentException unknown) {
        return ValidationAnswer.status(HttpStatus.NOT_FOUND, "NOT_FOUND", unknown.getMessage());
    }

    private Subscription existing(long id) {
        Subscription subscription = store.subscription(id).orElseThrow(() -> new IllegalArgumentException("Подписка не найдена: " + id));
        if (!visible(access.scope(), subscription)) {
            throw new IllegalArgumentException("Подписка не найдена: " + id);
        }
        return subscription;
    }

    private void requireScope(SubscriptionRequest request) {
        if (Recipients.COLLEGE.equals(request.scope())) {
            access.require(request.scopeId());
        } else if (!access.scope().all()) {
            throw new org.springframework.security.access.AccessDeniedException("Подписку на регион или весь узел меняет администратор всего узла");
        }
    }

    private static boolean visible(Access.Scope scope, Subscription subscription) {
        return scope.all() || (Recipients.COLLEGE.equals(subscription.scopeKind()) && scope.sees(subscription.scopeId()));
    }

    private static String collegeOf(SubscriptionRequest request) {
        return Recipients.COLLEGE.equals(request.scope()) ? request.scopeId() : null;
    }

    private static String described(SubscriptionRequest request) {
        return "область " + request.scope() + " " + request.scopeId() + ", роль «" + request.role() + "», канал " + request.channel()
                + ", виды " + String.join(",", request.kinds());
    }

    private static String described(Subscription subscription) {
        return "область " + subscription.scopeKind() + " " + subscription.scopeId() + ", роль «" + subscription.role() + "», канал "
                + subscription.channel() + ", виды " + String.join(",", subscription.kinds());
    }
}
