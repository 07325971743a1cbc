package it.io.factoryops.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The Postman collection of a small OpenAPI document, without a server. */
class PostmanCollectionTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "Things", "version": "1"},
              "tags": [{"name": "Things", "description": "All the things"}],
              "paths": {
                "/api/auth/login": {"post": {"operationId": "login", "tags": ["Auth"], "security": [], "responses": {}}},
                "/api/things/{id}/move": {
                  "post": {
                    "operationId": "moveThing", "summary": "Move a thing", "tags": ["Things"],
                    "parameters": [
                      {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}},
                      {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}},
                      {"name": "dry_run", "in": "query", "schema": {"type": "boolean", "examples": [true]}}
                    ],
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Move"}}}},
                    "responses": {}
                  }
                },
                "/api/things": {"get": {"operationId": "listThings", "summary": "List things", "tags": ["Things"], "security": [], "responses": {}}}
              },
              "components": {"schemas": {"Move": {"type": "object", "examples": [{"to_location": "B-2"}]}}}
            }
            """;

    private final String text = PostmanCollection.generate(DOCUMENT);
    private final JsonObject collection =
            Json.createReader(new StringReader(text)).readObject();

    @Test
    void loginComesFirstAndStoresTheTokens() {
        JsonObject auth = collection.getJsonArray("item").getJsonObject(0);
        assertEquals("Auth", auth.getString("name"));
        assertEquals(1, auth.getJsonArray("item").size(), "the documented login is the Login request");
        JsonObject login = auth.getJsonArray("item").getJsonObject(0);
        assertEquals(
                "{{baseUrl}}/api/auth/login",
                login.getJsonObject("request").getJsonObject("url").getString("raw"));
        String script = login.getJsonArray("event")
                .getJsonObject(0)
                .getJsonObject("script")
                .getJsonArray("exec")
                .toString();
        assertTrue(script.contains("pm.collectionVariables.set(\\\"access_token\\\", tokens.access_token)"), script);
        assertTrue(script.contains("pm.collectionVariables.set(\\\"refresh_token\\\", tokens.refresh_token)"), script);
        assertEquals(
                "{{access_token}}",
                collection
                        .getJsonObject("auth")
                        .getJsonArray("bearer")
                        .getJsonObject(0)
                        .getString("value"));
    }

    @Test
    void oneRequestPerOperationInItsTagsFolder() {
        JsonObject things = collection.getJsonArray("item").getJsonObject(1);
        assertEquals("Things", things.getString("name"));
        assertEquals("All the things", things.getString("description"));
        JsonObject list = things.getJsonArray("item").getJsonObject(0).getJsonObject("request");
        assertEquals("noauth", list.getJsonObject("auth").getString("type"));
        JsonObject move = things.getJsonArray("item").getJsonObject(1);
        assertEquals("Move a thing", move.getString("name"));
        JsonObject request = move.getJsonObject("request");
        assertTrue(request.getString("description").endsWith("operationId: moveThing"));
        assertEquals(
                "{{baseUrl}}/api/things/:id/move", request.getJsonObject("url").getString("raw"));
        assertEquals(
                "id",
                request.getJsonObject("url")
                        .getJsonArray("variable")
                        .getJsonObject(0)
                        .getString("key"));
        JsonObject dryRun = request.getJsonObject("url").getJsonArray("query").getJsonObject(0);
        assertEquals("true", dryRun.getString("value"));
        assertTrue(dryRun.getBoolean("disabled"));
        assertEquals(
                "{{$guid}}", request.getJsonArray("header").getJsonObject(0).getString("value"));
        assertEquals(
                "{\n  \"to_location\": \"B-2\"\n}",
                request.getJsonObject("body").getString("raw"));
        assertTrue(!request.containsKey("auth"), "inherits the collection's bearer auth");
    }

    @Test
    void theSameDocumentGivesTheSameText() {
        assertEquals(text, PostmanCollection.generate(DOCUMENT));
        assertTrue(text.endsWith("}\n"));
    }
}
