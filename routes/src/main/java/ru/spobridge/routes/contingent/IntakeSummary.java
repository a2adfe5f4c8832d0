package ru.spobridge.routes.contingent;

/** What one read brought in: records read, refused with a reason, changed since the last read, unchanged. */
public record IntakeSummary(int read, int rejected, int changed, int unchanged, int closedRejections) {

    public IntakeSummary(int read, int rejected, int changed, int unchanged) {
        this(read, rejected, changed, unchanged, 0);
    }

    public IntakeSummary plus(IntakeSummary other) {
        return new IntakeSummary(read + other.read, rejected + other.rejected, changed + other.changed, unchanged + other.unchanged,
                closedRejections + other.closedRejections);
    }
}
