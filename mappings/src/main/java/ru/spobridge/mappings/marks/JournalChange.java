package ru.spobridge.mappings.marks;

/**
 * One change in the college journal as its API gives it (a mark, an absence or a lesson entry, upserted or deleted),
 * all text: a malformed value fails this change, not the page. A lesson entry ({@code type} lesson, keyed by its
 * lesson key) carries the КТП number, topic, work number, homework and when the teacher recorded them.
 */
public record JournalChange(long seq, String type, String op, String id, int version, String studentId, String lessonKey,
                            String date, String bell, String group, String discipline, String teacherId, String value,
                            String workType, String reason, boolean late, String givenAt, String lessonNo, String topic,
                            String workNo, String homework, String recordedAt) {

    /** A mark or an absence: no lesson entry fields. */
    public JournalChange(long seq, String type, String op, String id, int version, String studentId, String lessonKey,
                         String date, String bell, String group, String discipline, String teacherId, String value,
                         String workType, String reason, boolean late, String givenAt) {
        this(seq, type, op, id, version, studentId, lessonKey, date, bell, group, discipline, teacherId, value, workType, reason,
                late, givenAt, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "JournalChange[" + type + " " + id + " v" + version + "]";
    }
}
