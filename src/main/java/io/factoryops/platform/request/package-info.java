/**
 * The request being served on this thread (id, client address, user agent, caller), set by
 * {@link io.factoryops.platform.request.RequestIdFilter}: the ground that errors, audit and rate limits read,
 * below {@code platform.http} and {@code platform.error}.
 */
package io.factoryops.platform.request;
