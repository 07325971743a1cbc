package io.factoryops.platform.http;

/** An answer that is one versioned object: its id (its {@code Location}) and its version (its ETag). */
public interface Versioned {

    Long id();

    long version();
}
