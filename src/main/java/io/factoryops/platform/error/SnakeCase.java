package io.factoryops.platform.error;

/** Turns a Java name ({@code hireDate}) into its JSON name ({@code hire_date}). */
public final class SnakeCase {

    private SnakeCase() {}

    public static String of(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
