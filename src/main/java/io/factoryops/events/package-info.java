/**
 * Integration events: every business change writes a CloudEvents 1.0 record in its own transaction
 * ({@link io.factoryops.events.EventPublisher}); a feed ({@code GET /api/events}) and signed webhooks read them.
 * Features call it; it knows no feature but identity (permissions) and notification (a disabled webhook's owner).
 */
package io.factoryops.events;
