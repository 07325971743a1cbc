/**
 * Notifications to accounts (low stock, purchase orders awaiting approval, approved, rejected), read through
 * {@code /api/notifications}, and mailed through a transactional outbox when mail is configured.
 */
package io.factoryops.notification;
