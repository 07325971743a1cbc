package io.factoryops.notification;

/**
 * A mail claimed for sending by one relay run.
 *
 * @param attempts the attempts including this one
 */
public record PendingMail(long id, String to, String subject, String body, int attempts) {
}
