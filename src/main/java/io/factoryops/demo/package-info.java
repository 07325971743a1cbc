/**
 * Demo data: with {@code FACTORY_DEMO_DATA=true} an empty database gets a plant with 90 days of history, written
 * through the features' services (and the stock ledger) in one transaction, with one account per role.
 */
package io.factoryops.demo;
