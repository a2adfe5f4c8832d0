package ru.spobridge.app.archive;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.console.UploadErrors;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.archive.ArchiveBuilds;
import ru.spobridge.routes.archive.ArchiveCatalog;
import ru.spobridge.routes.archive.ArchiveCatalog.Archive;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.archive.ArchiveRoutes;
import ru.spobridge.routes.archive.ArchiveStores;
import ru.spobridge.routes.archive.ArchiveVerifier.Finding;
import ru.spobridge.routes.archive.store.ArchiveCipher;
import ru.spobridge.routes.archive.store.ArchiveStore;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.store.AuditLog;

/**
 * Journal archives for administrators only (issue 17 item 7): the catalog, a build on demand (a run of the archive
 * flow), verification of every copy, and a read-only look at an archived file — a CSV or JSON Lines file as a table
 * page by page, any other downloaded. Every look and download states a reason and is written to the audit log.
 */
@RestController
@RequestMapping("/api/archives")
public class ArchiveApi {

    static final int MIN_REASON = 5;

    private final ArchiveCatalog catalog;
    private final ArchiveBuilds builds;
    private final ArchiveStores stores;
    private final Colleges colleges;
    private final ProducerTemplate camel;
    private final AuditLog audit;
    private final Access access;
    private final Clock clock;

    public ArchiveApi(ArchiveCatalog catalog, ArchiveBuilds builds, ArchiveStores stores, Colleges colleges, ProducerTemplate camel,
                      AuditLog audit, Access access, Clock clock) {
        this.catalog = catalog;
        this.builds = builds;
        this.stores = stores;
        this.colleges = colleges;
        this.camel = camel;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /** A build asked for: {@code period} as 2026-10 (a month) or 2026-2027 (a school year from July), or {@code from}/{@code to}. */
    public record BuildRequest(String college, String kind, String period, LocalDate from, LocalDate to, String group, String source,
                               String target) {
    }

    @GetMapping
    public ResponseEntity<?> list(@RequestParam(required = false) String college) {
        if (!access.has("ADMIN")) {
            return adminOnly();
        }
        if (college != null && !college.isBlank()) {
            access.require(college);
            return ResponseEntity.ok(catalog.list(college, 500));
        }
        return ResponseEntity.ok(access.visible(catalog.list(null, 500), Archive::collegeId));
    }

    @PostMapping
    public ResponseEntity<?> build(@RequestBody BuildRequest body) {
        if (!access.has("ADMIN")) {
            return adminOnly();
        }
        if (body.college() == null || body.college().isBlank() || body.kind() == null || body.kind().isBlank()) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.MISSING_PARAMETER, "Укажите колледж и вид архива (MONTHLY, SEMESTER, YEAR)");
        }
        access.require(body.college());
        if (!colleges.known(body.college())) {
            return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.UNKNOWN_COLLEGE, "Колледж «" + body.college() + "» не настроен");
        }
        ArchiveRequest request;
        try {
            request = request(body);
        } catch (IllegalArgumentException bad) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.INVALID_PARAMETER, bad.getMessage());
        }
        String refused = builds.refusal(request);
        if (refused != null) {
            return UploadErrors.answer(HttpStatus.CONFLICT, "ARCHIVE_EXISTS", refused);
        }
        Exchange done = camel.request(ArchiveRoutes.BUILD, exchange -> {
            exchange.getIn().setBody(request);
            exchange.getIn().setHeader(FlowHeaders.COLLEGE, request.collegeId());
            exchange.getIn().setHeader(FlowHeaders.TRIGGER, "manual");
            exchange.getIn().setHeader(ArchiveRoutes.REQUESTED_BY, access.user());
        });
        Exception failed = done.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failed == null) {
            failed = done.getException();
        }
        Long run = done.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        audit.record(access.user(), "ARCHIVE_BUILT", request.collegeId(), ArchiveBuilds.baseKey(request),
                (run == null ? "" : "запуск № " + run + "; ") + (failed == null ? "собран" : "не собран: " + failed.getMessage()));
        if (failed instanceof ArchiveBuilds.ArchiveRefused refusal) {
            return UploadErrors.answer(HttpStatus.CONFLICT, "ARCHIVE_REFUSED", refusal.getMessage());
        }
        if (failed != null) {
            return UploadErrors.answer(HttpStatus.INTERNAL_SERVER_ERROR, "ARCHIVE_FAILED", failed.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(done.getMessage().getBody(Archive.class));
    }

    @PostMapping("/{id}/verify")
    public ResponseEntity<?> verify(@PathVariable long id) {
        if (!access.has("ADMIN")) {
            return adminOnly();
        }
        Archive archive = find(id);
        if (archive == null) {
            return notFound(id);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), colleges.settings(archive.collegeId()).zone());
        List<Map<String, Object>> copies = new ArrayList<>();
        int total = 0;
        for (ArchiveCatalog.Copy copy : archive.copies()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("store", copy.store());
            result.put("location", copy.location());
            List<Finding> findings;
            try {
                findings = stores.copies().verify(stores.get(copy.store()), archive.key(), archive.encrypted(), today);
            } catch (ArchiveCipher.ArchiveKeyException | IllegalArgumentException | IllegalStateException unreadable) {
                result.put("error", unreadable.getMessage());
                copies.add(result);
                total++;
                continue;
            }
            catalog.verified(id, copy.store(), findings.size());
            result.put("findings", findings);
            copies.add(result);
            total += (int) findings.stream().filter(finding -> finding.problem() != ru.spobridge.routes.archive.ArchiveVerifier.Problem.RETENTION_ENDED).count();
        }
        audit.record(access.user(), "ARCHIVE_VERIFIED", archive.collegeId(), archive.key(), total == 0 ? "копии совпадают с описью"
                : "расхождений: " + total);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("archive", archive.id());
        answer.put("key", archive.key());
        answer.put("intact", total == 0);
        answer.put("copies", copies);
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/{id}/files")
    public ResponseEntity<?> files(@PathVariable long id) {
        if (!access.has("ADMIN")) {
            return adminOnly();
        }
        Archive archive = find(id);
        if (archive == null) {
            return notFound(id);
        }
        for (ArchiveCatalog.Copy copy : archive.copies()) {
            var manifest = stores.copies().manifest(stores.get(copy.store()), archive.key());
            if (manifest.isPresent()) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("archive", archive.id());
                answer.put("key", archive.key());
                answer.put("copy", copy.store());
                answer.put("createdAt", manifest.get().createdAt());
                answer.put("source", manifest.get().source());
                answer.put("files", manifest.get().files().stream().map(entry -> Map.of("path", entry.path(), "document", entry.document(),
                        "bytes", entry.bytes(), "sha256", entry.sha256(), "retainUntil", String.valueOf(entry.retainUntil()),
                        "table", ArchiveFileTable.tabular(entry.path()))).toList());
                return ResponseEntity.ok(answer);
            }
        }
        return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Опись архива № " + id + " не прочитана ни в одной копии");
    }

    /**
     * One listed file, read-only, from the first copy whose file matches its checksum: a CSV or JSON Lines file as a
     * page of a table, another file (PDF, XLSX) — or any with {@code download=true} — as a download.
     */
    @GetMapping("/{id}/files/{*path}")
    public ResponseEntity<?> file(@PathVariable long id, @PathVariable String path, @RequestParam(required = false) String reason,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                  @RequestParam(defaultValue = "false") boolean download) {
        if (!access.has("ADMIN")) {
            return adminOnly();
        }
        String file = path.startsWith("/") ? path.substring(1) : path;
        String why = reason == null ? null : reason.strip();
        if (why == null || why.length() < MIN_REASON) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.REASON_REQUIRED,
                    "Укажите причину просмотра (не короче " + MIN_REASON + " символов): она записывается в журнал действий");
        }
        Archive archive = find(id);
        if (archive == null) {
            return notFound(id);
        }
        byte[] content = null;
        String from = null;
        List<String> problems = new ArrayList<>();
        for (ArchiveCatalog.Copy copy : archive.copies()) {
            ArchiveStore store = stores.get(copy.store());
            try {
                content = stores.copies().open(store, archive.key(), file, archive.encrypted());
                from = copy.store();
                break;
            } catch (ArchiveCipher.ArchiveKeyException | IllegalArgumentException | IllegalStateException unreadable) {
                problems.add(unreadable.getMessage());
            }
        }
        boolean table = !download && ArchiveFileTable.tabular(file);
        String action = table ? "ARCHIVE_VIEW" : "ARCHIVE_DOWNLOAD";
        if (content == null) {
            audit.record(access.user(), action, archive.collegeId(), archive.key() + "/" + file, "причина: " + why + "; файл не открыт");
            return UploadErrors.answer(HttpStatus.CONFLICT, "ARCHIVE_FILE_UNREADABLE", String.join("; ", problems));
        }
        audit.record(access.user(), action, archive.collegeId(), archive.key() + "/" + file, "причина: " + why + "; копия «" + from + "»"
                + (table ? "; страница " + (page + 1) : ""));
        if (table) {
            try {
                return ResponseEntity.ok().header("X-Archive-Copy", from)
                        .body(ArchiveFileTable.page(file, content, Math.max(0, page), Math.min(Math.max(1, size), 500)));
            } catch (RuntimeException unreadable) {
                return UploadErrors.answer(HttpStatus.UNPROCESSABLE_ENTITY, "ARCHIVE_FILE_NOT_TABLE", unreadable.getMessage());
            }
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return ResponseEntity.ok().header("X-Archive-Copy", from)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(mediaType(name)).body(content);
    }

    private Archive find(long id) {
        Archive archive = catalog.get(id).orElse(null);
        if (archive != null) {
            access.require(archive.collegeId());
        }
        return archive;
    }

    private static ArchiveRequest request(BuildRequest body) {
        ArchiveRequest.Kind kind;
        try {
            kind = ArchiveRequest.Kind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Вид архива «" + body.kind() + "» неизвестен: MONTHLY, SEMESTER или YEAR");
        }
        LocalDate from = body.from();
        LocalDate to = body.to();
        String period = body.period() == null ? null : body.period().strip();
        if (period != null && !period.isEmpty()) {
            if (period.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(period);
                from = month.atDay(1);
                to = month.atEndOfMonth();
            } else if (period.matches("\\d{4}-\\d{4}")) {
                int first = Integer.parseInt(period.substring(0, 4));
                from = LocalDate.of(first, 7, 1);
                to = LocalDate.of(first + 1, 6, 30);
            } else {
                throw new IllegalArgumentException("Период «" + period + "» задан неверно: месяц ГГГГ-ММ или учебный год ГГГГ-ГГГГ");
            }
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("Укажите период: period (ГГГГ-ММ или ГГГГ-ГГГГ) или from и to (ГГГГ-ММ-ДД)");
        }
        ArchiveManifest.Source source = body.source() == null || body.source().isBlank() ? ArchiveManifest.Source.HUB
                : ArchiveManifest.Source.valueOf(body.source().strip().toUpperCase(Locale.ROOT));
        String group = body.group() == null || body.group().isBlank() ? null : body.group().strip();
        return new ArchiveRequest(body.college(), kind, from, to, group, body.target(), source);
    }

    private static MediaType mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return MediaType.APPLICATION_PDF;
        }
        if (lower.endsWith(".xlsx")) {
            return MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (lower.endsWith(".csv")) {
            return MediaType.parseMediaType("text/csv; charset=UTF-8");
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    private static ResponseEntity<Map<String, Object>> adminOnly() {
        // the security chain already admits administrators only; checked here too, so a rule change cannot open it
        return UploadErrors.answer(HttpStatus.FORBIDDEN, "ADMIN_ONLY", "Архивы журналов доступны только администратору");
    }

    private static ResponseEntity<Map<String, Object>> notFound(long id) {
        return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Архива № " + id + " нет в каталоге");
    }
}
