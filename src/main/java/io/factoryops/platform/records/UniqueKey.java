package io.factoryops.platform.records;

/**
 * The key that no two records of a kind share (a supplier's code, an employee's email, a product's SKU),
 * as the API names it in a 409 {@code ALREADY_EXISTS}.
 *
 * @param field     the request's field, named by the 409 ("email")
 * @param attribute the entity's attribute that holds it ("email")
 * @param word      the key in the message: "Another supplier already has the {word} …" ("code", "SKU")
 */
public record UniqueKey(String field, String attribute, String word) {

    /** A key whose field, attribute and word are one name. */
    public static UniqueKey of(String name) {
        return new UniqueKey(name, name, name);
    }
}
