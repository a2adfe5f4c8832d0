package ru.spobridge.connectors.common;

/**
 * What distinguishes one platform's integration API from another's: where the token comes from, which field of
 * the answer holds it, which header carries it, and the largest batch the platform takes.
 */
public record PlatformProtocol(String name, String title, String tokenField, String tokenHeader, String tokenPrefix, int maxBatch) {
}
