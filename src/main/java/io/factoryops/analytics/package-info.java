/**
 * Analytics read model: deltas written with each sale and production change, folded into summary
 * tables by a persistent EJB timer; the endpoints read only the summaries. As a read model it reads the
 * business tables with SQL (full rebuild, names of listed rows).
 */
package io.factoryops.analytics;
