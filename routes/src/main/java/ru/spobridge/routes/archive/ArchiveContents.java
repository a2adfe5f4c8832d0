package ru.spobridge.routes.archive;

/**
 * Fills an archive with the journal's documents for a request: the open-format exports and, for a year, the summary
 * statements. Where and when archives are kept is not its concern; it only adds files to the writer it is given.
 */
public interface ArchiveContents {

    void fill(ArchiveRequest request, ArchiveWriter writer);
}
