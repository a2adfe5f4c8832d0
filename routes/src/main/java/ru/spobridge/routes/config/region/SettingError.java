package ru.spobridge.routes.config.region;

/**
 * One refused setting: {@code field} is the dotted path in a college block ({@code ogrn}, {@code contingent.schedule},
 * {@code targets.sgo.base-url}), {@code message} says in Russian what is wrong and what is expected.
 */
public record SettingError(String field, String message) {
}
