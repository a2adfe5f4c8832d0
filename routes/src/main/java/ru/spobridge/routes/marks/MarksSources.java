package ru.spobridge.routes.marks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.journal.CollegeJournalClient;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.ClientsBySettings;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.store.SourceCursors;

/** Pulls a college journal's changes since the stored cursor, page by page; the cursor moves only after intake. */
@Component
public class MarksSources {

    private static final int PAGE = 500;
    /** Changes taken in at a time during a pull: big enough for few statements, small enough to bound memory. */
    static final int CHUNK = 5_000;
    private static final String SOURCE = "journal";

    private final Colleges colleges;
    private final HubProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final ClientsBySettings<HubProperties.JournalSource, CollegeJournalClient> clients = new ClientsBySettings<>();
    private final Map<String, String> pendingCursor = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> pulled = new ConcurrentHashMap<>();
    private final SourceCursors cursors;

    public MarksSources(Colleges colleges, HubProperties properties, HttpClient http, ObjectMapper json, Clock clock,
                        SourceCursors cursors) {
        this.colleges = colleges;
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.cursors = cursors;
    }

    /** The whole pull as one list (a small journal, tests). */
    public List<JournalChange> pull(String collegeId) {
        List<JournalChange> changes = new ArrayList<>();
        pull(collegeId, changes::addAll);
        return changes;
    }

    /**
     * Reads the journal's changes since the stored cursor, page by page, handing them over in chunks of about
     * {@value #CHUNK} as they come; the cursor is kept for {@link #commitCursor} once every chunk is stored.
     */
    public void pull(String collegeId, Consumer<List<JournalChange>> chunks) {
        CollegeJournalClient client = client(collegeId);
        String cursor = cursors.text(collegeId, SOURCE);
        List<JournalChange> chunk = new ArrayList<>();
        CollegeJournalClient.Page page;
        int pages = 0;
        int read = 0;
        int absences = 0;
        int lessons = 0;
        do {
            page = client.changes(cursor, PAGE);
            pages++;
            read += page.changes().size();
            absences += (int) page.changes().stream().filter(change -> MarksIntake.ATTENDANCE.equalsIgnoreCase(change.type())).count();
            lessons += (int) page.changes().stream().filter(MarksIntake::isLessonEntry).count();
            chunk.addAll(page.changes());
            if (chunk.size() >= CHUNK) {
                chunks.accept(chunk);
                chunk = new ArrayList<>();
            }
            cursor = page.next() == null ? cursor : page.next();
        } while (page.hasMore() && !page.changes().isEmpty());
        if (!chunk.isEmpty()) {
            chunks.accept(chunk);
        }
        if (cursor != null) {
            pendingCursor.put(collegeId, cursor);
        }
        pulled.put(collegeId, counts(read, absences, lessons, pages));
    }

    /** What the last pull of the college read from the journal, in its own terms; empty when nothing was pulled. */
    public Map<String, Integer> pulled(String collegeId) {
        Map<String, Integer> read = pulled.remove(collegeId);
        return read == null ? Map.of() : read;
    }

    /** Lesson entries are counted only when the journal gave some, so a marks-only journal reads as before. */
    static Map<String, Integer> counts(int changes, int absences, int lessons, int pages) {
        Map<String, Integer> read = new LinkedHashMap<>();
        read.put("отметок", changes - absences - lessons);
        read.put("пропусков", absences);
        if (lessons > 0) {
            read.put("записей занятий", lessons);
        }
        read.put("страниц", pages);
        return read;
    }

    /** After the changes are stored: a crash before this reads them again, and intake sees them as unchanged. */
    public void commitCursor(String collegeId) {
        String cursor = pendingCursor.remove(collegeId);
        if (cursor != null) {
            cursors.putText(collegeId, SOURCE, cursor);
        }
    }

    private CollegeJournalClient client(String collegeId) {
        HubProperties.JournalSource settings = colleges.settings(collegeId).marks().journal();
        if (settings == null) {
            throw new IllegalStateException("У колледжа " + collegeId + " не настроен журнал (spo.colleges." + collegeId + ".marks.journal)");
        }
        return clients.client(collegeId, settings, journal -> {
            return new CollegeJournalClient(new CollegeJournalClient.Settings(journal.address(), journal.collegeId(), journal.clientId(),
                    journal.clientSecret(), properties.delivery().httpTimeout()), http, json, clock);
        });
    }

}
