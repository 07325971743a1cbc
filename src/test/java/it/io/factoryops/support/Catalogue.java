package it.io.factoryops.support;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import java.util.List;

/** A list of master data at {@code path} (categories, locations, …), written as {@code writer}, read as {@code reader}. */
public record Catalogue(String path, String writer, String reader) {

    /** A new entry: 201 with its Location and ETag. */
    public JsonObject create(JsonObject body) {
        return Api.created(writer, path, body);
    }

    /** An entry by its id: 200. */
    public JsonObject read(long id) {
        return Api.read(reader, path + "/" + id);
    }

    /** {@code field} of each entry of the first 100 of a list (the target with its query). */
    public List<String> values(WebTarget list, String field) {
        return Api.data(reader, list.queryParam("per_page", "100")).stream()
                .map(entry -> entry.getString(field))
                .toList();
    }
}
