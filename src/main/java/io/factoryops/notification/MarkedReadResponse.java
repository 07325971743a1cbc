package io.factoryops.notification;

/** {@code {"marked": n}}: how many unread notifications were marked read. */
public record MarkedReadResponse(int marked) {}
