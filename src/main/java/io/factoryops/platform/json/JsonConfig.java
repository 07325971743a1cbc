package io.factoryops.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON of the API: snake_case names, ISO-8601 dates (JSON-B's default), nulls left out, strict
 * booleans, whole numbers, decimals and dates, each bounded before anything computes with it.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    public static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withDeserializers(
                        new StrictBooleanDeserializer(),
                        new StrictIntegerDeserializers.Ints(),
                        new StrictIntegerDeserializers.Longs(),
                        new StrictDecimalDeserializer(),
                        new StrictDateDeserializer());
    }

    /** The shared instance, for code outside JAX-RS (audit snapshots, idempotent replays). */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
