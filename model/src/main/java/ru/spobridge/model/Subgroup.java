package ru.spobridge.model;

/** Подгруппа of a group, kept by its own teacher (seed 000 §3.5, §3.8). */
public record Subgroup(String code, String name) {
}
