package ru.spobridge.routes.archive.store;

import java.util.List;
import java.util.Optional;

/**
 * One place archives are kept (a folder, an S3-compatible bucket): bytes by archive id and relative path, nothing of
 * encryption or manifests. A store only adds: it never overwrites a file and never deletes one.
 */
public interface ArchiveStore {

    /** The store's name in the settings and the catalog. */
    String name();

    /** Where an archive lies in this store, for an administrator (a folder path, s3://bucket/prefix). */
    String location(String archiveId);

    /** Whether anything of this archive is already there (a finished archive or the remains of a failed write). */
    boolean exists(String archiveId);

    /** Writes one file; refuses a path that is already there. */
    void put(String archiveId, String path, byte[] content);

    /** One file's bytes, or empty when it is not there. */
    Optional<byte[]> read(String archiveId, String path);

    /** Every file of the archive by relative path, sorted. */
    List<String> list(String archiveId);
}
