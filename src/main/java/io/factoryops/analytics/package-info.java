/**
 * Analytics read model: deltas written with each sale and production change, folded into summary
 * tables by a persistent EJB timer; the endpoints read only the summaries. It writes and reads only its own
 * tables: the business data of a full rebuild, and the names of listed rows, come from what the owning
 * features publish for it ({@code sales.SalesFacts}, {@code production.ProductionFacts}, ...), each one
 * set-based statement that the feature runs on the refresh's connection.
 */
package io.factoryops.analytics;
