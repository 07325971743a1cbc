package io.factoryops.platform.error;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.Map;

/** Writes a {@link Problem} with its extension members beside the standard ones. */
public class ProblemSerializer implements JsonbSerializer<Problem> {

    @Override
    public void serialize(Problem p, JsonGenerator g, SerializationContext context) {
        g.writeStartObject();
        g.write("type", p.type());
        g.write("title", p.title());
        g.write("status", p.status());
        if (p.detail() != null) {
            g.write("detail", p.detail());
        }
        if (p.instance() != null) {
            g.write("instance", p.instance());
        }
        g.write("code", p.code());
        if (p.requestId() != null) {
            g.write("request_id", p.requestId());
        }
        if (p.errors() != null) {
            g.writeStartArray("errors");
            for (FieldError e : p.errors()) {
                g.writeStartObject()
                        .write("field", e.field())
                        .write("message", e.message())
                        .writeEnd();
            }
            g.writeEnd();
        }
        if (p.extensions() != null) {
            for (Map.Entry<String, Object> e : p.extensions().entrySet()) {
                context.serialize(e.getKey(), e.getValue(), g);
            }
        }
        g.writeEnd();
    }
}
