package ru.spobridge.routes.contingent;

/** What one read brought in: records read, refused with a reason, changed since the last read, unchanged. */
public record IntakeSummary(int read, int rejected, int changed, int unchanged) {

    IntakeSummary plus(IntakeSummary other) {
        return new IntakeSummary(read + other.read, rejected + other.rejected, changed + other.changed, unchanged + other.unchanged);
    }
}
