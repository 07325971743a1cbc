package it.io.factoryops.support;

import it.io.factoryops.support.Access.Call;
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

    /**
     * Entry {@code id} and the list are not for customers; users, mechanics and customers may not write (here
     * with {@code body}); nothing is for a caller without a token.
     */
    public void assertStaffOnly(long id, JsonObject body) {
        Call list = Call.get(path);
        Call one = Call.get(path + "/" + id);
        Call create = Call.post(path, body);
        Call replace = Call.put(path + "/" + id, body);
        Call delete = Call.delete(path + "/" + id);
        Access.assertForbidden(List.of("customer"), list, one);
        Access.assertForbidden(List.of("user", "mechanic", "customer"), create, replace, delete);
        Access.assertUnauthorized(list, one, create, replace, delete);
    }
}
