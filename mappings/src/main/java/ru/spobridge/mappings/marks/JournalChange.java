package ru.spobridge.mappings.marks;

/**
 * One change in the college journal as its API gives it (a mark or an absence, upserted or deleted), all text:
 * a malformed value fails this change, not the page.
 */
public record JournalChange(long seq, String type, String op, String id, int version, String studentId, String lessonKey,
                            String date, String bell, String group, String discipline, String teacherId, String value,
                            String workType, String reason, boolean late, String givenAt) {

    @Override
    public String toString() {
        return "JournalChange[" + type + " " + id + " v" + version + "]";
    }
}
