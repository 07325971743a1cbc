package io.factoryops.platform.db;

import java.lang.reflect.Field;

/**
 * What persisting does to an entity that a unit test needs: a database id (the generated {@code id} field, on the
 * entity's class or a superclass). Domain rules that name the row or find a line by its id need one.
 */
public final class Persisted {

    private Persisted() {}

    /** Gives {@code entity} the id the database would; returns it. */
    public static <T> T withId(T entity, long id) {
        for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("id");
                field.setAccessible(true);
                field.set(entity, id);
                return entity;
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(entity.getClass() + " has no id field");
    }
}
