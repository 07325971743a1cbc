package io.factoryops.notification;

/** Fits texts into their columns: a long product name must never fail the stock movement it tells about. */
final class Text {

    private Text() {}

    static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
