/**
 * What managers read: the dashboard, the four reports (inventory, purchase orders, suppliers, analytics)
 * live and as stored monthly runs, and the exports of every list and report as JSON, CSV, XLSX or PDF.
 */
package io.factoryops.reporting;
