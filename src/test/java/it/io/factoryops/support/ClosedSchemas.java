package it.io.factoryops.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closes the object schemas of an OpenAPI document: every schema with {@code properties} and no
 * word on other properties gets {@code unevaluatedProperties: false}, so that a response property
 * the document does not describe fails validation (a generated client would drop it). Members of an
 * {@code allOf}, inline or referenced, stay open: each describes only part of the object.
 */
final class ClosedSchemas {

    private static final String SCHEMAS = "#/components/schemas/";

    private ClosedSchemas() {}

    /** Closes this document in place and returns it. */
    static JsonNode close(JsonNode document) {
        Set<JsonNode> partial = Collections.newSetFromMap(new IdentityHashMap<>());
        collectAllOfMembers(document, document, partial);
        closeObjects(document, partial);
        return document;
    }

    private static void collectAllOfMembers(JsonNode document, JsonNode node, Set<JsonNode> partial) {
        if (node.isObject() && node.path("allOf").isArray()) {
            for (JsonNode member : node.path("allOf")) {
                partial.add(member);
                String ref = member.path("$ref").asString("");
                if (ref.startsWith(SCHEMAS)) {
                    partial.add(document.path("components").path("schemas").path(ref.substring(SCHEMAS.length())));
                }
            }
        }
        node.values().forEach(child -> collectAllOfMembers(document, child, partial));
    }

    private static void closeObjects(JsonNode node, Set<JsonNode> partial) {
        if (node instanceof ObjectNode object
                && object.path("properties").isObject()
                && !partial.contains(object)
                && !object.has("additionalProperties")
                && !object.has("unevaluatedProperties")
                && !object.has("patternProperties")) {
            object.put("unevaluatedProperties", false);
        }
        node.values().forEach(child -> closeObjects(child, partial));
    }
}
