package ru.spobridge.connectors.common;

import java.util.List;

/** What a platform answered for one batch: per record, in the order sent (shared/contracts/README.md). */
public record BatchResult(int httpStatus, String batchId, boolean replayed, List<ItemResult> results) {

    public record ItemResult(int index, String externalId, String status, String id, List<FieldError> errors) {

        public boolean accepted() {
            return !"rejected".equals(status);
        }
    }

    public record FieldError(String field, String code, String message) {
    }
}
