package io.factoryops.events;

/** A due delivery and its subscription, before it is claimed. */
public record DueDelivery(long id, long subscriptionId) {}
