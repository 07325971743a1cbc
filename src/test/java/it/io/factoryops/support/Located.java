package it.io.factoryops.support;

import tools.jackson.databind.JsonNode;

/** A node of the OpenAPI document and its JSON pointer in it (what a schema location is built from). */
record Located(String pointer, JsonNode node) {

    Located child(String name) {
        return new Located(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), node.path(name));
    }

    Located child(int index) {
        return new Located(pointer + "/" + index, node.path(index));
    }

    boolean exists() {
        return !node.isMissingNode() && !node.isNull();
    }

    String text(String name) {
        JsonNode value = node.path(name);
        return value.isString() ? value.stringValue() : null;
    }
}
