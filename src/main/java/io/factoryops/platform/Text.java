package io.factoryops.platform;

import java.util.Locale;

/** The one way to clean text input before it is stored. */
public final class Text {

    private Text() {}

    /** Trimmed, or null when absent or blank. */
    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Emails (and usernames) are stored trimmed and in lower case, so that uniqueness ignores case. */
    public static String normalizeKey(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    /** Business codes (supplier codes, location codes) are stored trimmed and in upper case: unique ignoring case. */
    public static String normalizeCode(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
