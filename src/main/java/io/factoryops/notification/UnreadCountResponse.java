package io.factoryops.notification;

/** {@code {"unread": n}}: the caller's unread notifications. */
public record UnreadCountResponse(long unread) {}
