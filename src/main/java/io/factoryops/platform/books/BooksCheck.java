package io.factoryops.platform.books;

/**
 * One check of the books, published by the feature that owns the data it reads (a CDI bean; {@link BooksBalance}
 * finds every one). A check is cheap enough for a plant's data: one set-based statement (or one per chunk of ids),
 * never one per row, in the caller's transaction.
 */
public interface BooksCheck {

    /** A stable snake_case name: {@code stock_ledger}, {@code orders_whole}, … */
    String name();

    /** What a balanced database satisfies, in a sentence, for the operator who reads the answer. */
    String description();

    /** Runs the check: how many rows break the rule, and the ids of at most {@code limit} of them, ascending. */
    BooksCheckResult run(int limit);
}
