package io.factoryops.platform.http;

/** An object the API answers with its version, which is its ETag ({@link ETags}). */
public interface Versioned {

    long version();
}
