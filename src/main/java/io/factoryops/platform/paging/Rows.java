package io.factoryops.platform.paging;

import java.util.function.Consumer;

/**
 * The rows of a list's export, not yet read: what its filters select (checked when it was made), to
 * be counted or streamed. {@link #count} runs in the caller's transaction; {@link #forEach}, called outside
 * one, reads a keyset chunk at a time, each in a transaction of its own that ends before the chunk's rows go
 * to the consumer (see {@link JpaPaging#rows}), and keeps none.
 */
public interface Rows<R> {

    /** How many rows there are now. */
    long count();

    /** Hands every row, in the list's sort, to {@code sink}; returns how many. */
    long forEach(Consumer<? super R> sink);
}
