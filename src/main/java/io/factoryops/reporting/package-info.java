/** What managers read: the dashboard (and, later, reports and exports). */
package io.factoryops.reporting;
