package ru.spobridge.connectors.common;

import java.time.Duration;
import java.time.Instant;

/**
 * What one connection check of a source or target saw: the answer's status, how many items of one page were read
 * and how many the other side says it has (null when it does not say), its clock (null when unknown), the time taken.
 */
public record Probe(int httpStatus, int read, Long total, Instant serverTime, Duration took) {
}
