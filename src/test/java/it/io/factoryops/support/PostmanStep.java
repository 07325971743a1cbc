package it.io.factoryops.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the Postman run ({@link PostmanRun}): an operation of the OpenAPI document, who sends it, the
 * ids it reads from earlier answers and the ones its answer leaves for later requests, and the status it expects.
 * Values are Postman text: {@code {{customer_id}}} is a collection variable an earlier request set.
 */
final class PostmanStep {

    final String operationId;
    String name;
    String note;
    /** The collection variable holding the bearer token; null: the collection's ({@code access_token}). */
    String token;

    Integer status;
    /** Body members replacing (or, when absent there, added to) the example's, as raw JSON text; null removes. */
    final Map<String, String> body = new LinkedHashMap<>();
    /** The whole body as raw text, instead of the example. */
    String rawBody;

    final Map<String, String> form = new LinkedHashMap<>();

    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    /** Variable → JavaScript expression over {@code body} (the answer's JSON), set after the expected status. */
    final Map<String, String> captures = new LinkedHashMap<>();
    /** The variable that keeps the answer's ETag, null for none. */
    String etag;

    String preRequest;
    /** Whether the run stops when this request fails: nothing after it could pass. */
    boolean essential;

    private PostmanStep(String operationId) {
        this.operationId = operationId;
    }

    static PostmanStep call(String operationId) {
        return new PostmanStep(operationId);
    }

    PostmanStep named(String text) {
        this.name = text;
        return this;
    }

    PostmanStep note(String text) {
        this.note = text;
        return this;
    }

    /** Sent with the token in this collection variable instead of the run account's. */
    PostmanStep as(String tokenVariable) {
        this.token = tokenVariable;
        return this;
    }

    /** Sent without a token. */
    PostmanStep anonymously() {
        this.token = "";
        return this;
    }

    PostmanStep expect(int code) {
        this.status = code;
        return this;
    }

    /** Pairs of body member and raw JSON text (a quoted string, a number, {@code {{variable}}}, an array…). */
    PostmanStep with(String... memberAndRawValue) {
        return put(body, memberAndRawValue);
    }

    PostmanStep without(String member) {
        body.put(member, null);
        return this;
    }

    /** A form-encoded body (application/x-www-form-urlencoded) of these names and values, instead of JSON. */
    PostmanStep form(String... nameAndValue) {
        return put(form, nameAndValue);
    }

    private PostmanStep put(Map<String, String> into, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            into.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    PostmanStep rawBody(String text) {
        this.rawBody = text;
        return this;
    }

    /** The path parameter {@code id} from this variable. */
    PostmanStep on(String variable) {
        return pathVariable("id", variable);
    }

    PostmanStep pathVariable(String name, String variable) {
        path.put(name, "{{" + variable + "}}");
        return this;
    }

    PostmanStep query(String name, String value) {
        query.put(name, value);
        return this;
    }

    PostmanStep ifMatch(String etagVariable) {
        headers.put("If-Match", "{{" + etagVariable + "}}");
        return this;
    }

    /** The answer's {@code id} into this variable. */
    PostmanStep keepId(String variable) {
        return keep(variable, "body.id");
    }

    PostmanStep keep(String variable, String expression) {
        captures.put(variable, expression);
        return this;
    }

    PostmanStep keepEtag(String variable) {
        this.etag = variable;
        return this;
    }

    PostmanStep essential() {
        this.essential = true;
        return this;
    }

    PostmanStep before(String script) {
        this.preRequest = script;
        return this;
    }
}
