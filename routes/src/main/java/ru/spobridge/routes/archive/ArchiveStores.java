package ru.spobridge.routes.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.archive.store.ArchiveCipher;
import ru.spobridge.routes.archive.store.ArchiveStore;
import ru.spobridge.routes.archive.store.FolderArchiveStore;
import ru.spobridge.routes.archive.store.S3ArchiveStore;

/** The stores of the settings, made once, and the copies each college's archives go to. */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(ArchiveSettings.class)
public class ArchiveStores implements DisposableBean {

    private final ArchiveSettings settings;
    private final Map<String, ArchiveStore> stores = new LinkedHashMap<>();
    private final ArchiveCopies copies;

    public ArchiveStores(ArchiveSettings settings) {
        this.settings = settings;
        settings.stores().forEach((name, store) -> stores.put(name, switch (store.type()) {
            case FOLDER -> new FolderArchiveStore(name, store.folder());
            case S3 -> new S3ArchiveStore(name, new S3ArchiveStore.Settings(store.endpoint(), store.region(), store.bucket(), store.prefix(),
                    store.pathStyle(), store.accessKey(), store.secretKey()));
        }));
        this.copies = new ArchiveCopies(ArchiveCipher.ofBase64(settings.key(), "spo.archive.key (SPO_ARCHIVE_KEY)"));
    }

    /** The stores a college's archives are written to, in the order of the settings. */
    public List<ArchiveStore> of(String collegeId) {
        return settings.copiesOf(collegeId).stream().map(this::get).toList();
    }

    public ArchiveStore get(String name) {
        ArchiveStore store = stores.get(name);
        if (store == null) {
            throw new IllegalArgumentException("Хранилище архивов «" + name + "» не описано в spo.archive.stores");
        }
        return store;
    }

    public ArchiveCopies copies() {
        return copies;
    }

    @Override
    public void destroy() throws Exception {
        for (ArchiveStore store : stores.values()) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
