/**
 * The books-balance check: each feature publishes a {@link io.factoryops.platform.books.BooksCheck} of the data it
 * owns (the ledger against the quantities, orders whole, idempotency keys against their effects); one operation runs
 * them all, after a restore or whenever an operator doubts the database.
 */
package io.factoryops.platform.books;
