package io.factoryops.reporting;

/**
 * The state of a report run. A run is computed and stored in one transaction, so a stored run is complete;
 * a run that fails leaves no row, and the next trigger of its month computes it again.
 */
public enum ReportRunStatus {
    COMPLETED
}
