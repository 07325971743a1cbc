package io.factoryops.platform.paging;

import java.util.function.Consumer;

/**
 * The rows of a list's export, not yet read: what its filters select (checked when it was made), to
 * be counted or streamed. Both must run in a transaction; {@link #forEach} hands each row to the
 * consumer as the database sends it (see {@link JpaPaging#stream}) and keeps none.
 */
public interface Rows<R> {

    /** How many rows there are now. */
    long count();

    /** Hands every row, in the list's sort, to {@code sink}; returns how many. */
    long forEach(Consumer<? super R> sink);
}
