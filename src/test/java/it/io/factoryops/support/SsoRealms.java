package it.io.factoryops.support;

import static it.io.factoryops.support.Api.as;
import static it.io.factoryops.support.Api.json;
import static it.io.factoryops.support.JsonBody.array;
import static it.io.factoryops.support.JsonBody.object;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * The identity provider's side of the single sign-on tests, as an identity team would set it up in Keycloak: realm
 * {@code factory} (the one the test server trusts: src/test/liberty/jvm.options maps plant-admins → admin,
 * plant-managers → manager, plant-staff → user, plant-buyers → custom role sso-buyer), and realm {@code elsewhere},
 * alike but another issuer. Clients: the console's (public, PKCE S256), and test clients with direct access grants:
 * {@code factory-tests}, {@code factory-short} (tokens live 1 s) and {@code factory-noaud} (no audience mapper).
 */
public final class SsoRealms {

    public static final String PASSWORD = "Kc-Passw0rd-42";
    public static final String BUYER_ROLE = "sso-buyer";

    private static boolean ready;

    private SsoRealms() {}

    /** Starts Keycloak and sets up its realms and the custom role the groups map to, once per test JVM. */
    public static synchronized void ensure() throws Exception {
        if (ready) {
            return;
        }
        Keycloak.start();
        Keycloak.realm(realm("factory"));
        Keycloak.realm(realm("elsewhere"));
        try (Response r = as(Api.adminToken(), "api/custom-roles")
                .post(json(object(
                        "name",
                        BUYER_ROLE,
                        "description",
                        "Buyers, from the identity provider",
                        "permissions",
                        array("purchase-orders:read"))))) {
            assertTrue(r.getStatus() == 201 || r.getStatus() == 409, () -> r.readEntity(String.class));
        }
        ready = true;
    }

    private static final JsonObject GROUPS_MAPPER = Json.createObjectBuilder()
            .add("name", "groups")
            .add("protocol", "openid-connect")
            .add("protocolMapper", "oidc-group-membership-mapper")
            .add(
                    "config",
                    Json.createObjectBuilder()
                            .add("claim.name", "groups")
                            .add("full.path", "false")
                            .add("access.token.claim", "true")
                            .add("id.token.claim", "true"))
            .build();
    private static final JsonObject AUDIENCE_MAPPER = Json.createObjectBuilder()
            .add("name", "factory-api")
            .add("protocol", "openid-connect")
            .add("protocolMapper", "oidc-audience-mapper")
            .add(
                    "config",
                    Json.createObjectBuilder()
                            .add("included.custom.audience", "factory-api")
                            .add("access.token.claim", "true")
                            .add("id.token.claim", "false"))
            .build();

    /** A realm as an identity team would set it up: groups, people, the console's client, test clients. */
    public static JsonObject realm(String name) {
        return Json.createObjectBuilder()
                .add("realm", name)
                .add("enabled", true)
                .add(
                        "groups",
                        Json.createArrayBuilder()
                                .add(group("plant-admins"))
                                .add(group("plant-managers"))
                                .add(group("plant-staff"))
                                .add(group("plant-buyers"))
                                .add(group("visitors")))
                .add(
                        "users",
                        Json.createArrayBuilder()
                                .add(person("kc-manager", "plant-managers"))
                                .add(person("kc-clerk", "plant-staff", "plant-buyers"))
                                .add(person("kc-visitor", "visitors"))
                                .add(person("kc-leaver", "plant-staff"))
                                .add(person("kc-browser", "plant-managers"))
                                // the name of the test server's local super admin: never taken over
                                .add(person(Api.ADMIN, "plant-admins")))
                .add(
                        "clients",
                        Json.createArrayBuilder()
                                .add(testClient("factory-tests", true, null))
                                .add(testClient("factory-short", true, "1"))
                                .add(testClient("factory-noaud", false, null))
                                .add(Json.createObjectBuilder()
                                        .add("clientId", "factory-console")
                                        .add("publicClient", true)
                                        .add("standardFlowEnabled", true)
                                        .add("directAccessGrantsEnabled", false)
                                        .add(
                                                "redirectUris",
                                                Json.createArrayBuilder().add(Api.BASE + "/*"))
                                        .add(
                                                "attributes",
                                                Json.createObjectBuilder().add("pkce.code.challenge.method", "S256"))
                                        .add(
                                                "protocolMappers",
                                                Json.createArrayBuilder()
                                                        .add(GROUPS_MAPPER)
                                                        .add(AUDIENCE_MAPPER))))
                .build();
    }

    private static JsonObject group(String name) {
        return Json.createObjectBuilder().add("name", name).build();
    }

    private static JsonObject person(String username, String... groups) {
        var groupPaths = Json.createArrayBuilder();
        for (String g : groups) {
            groupPaths.add("/" + g);
        }
        return Json.createObjectBuilder()
                .add("username", username)
                .add("enabled", true)
                .add("email", username + "@sso.example")
                .add("emailVerified", true)
                .add("firstName", "Kay")
                .add("lastName", username)
                .add("groups", groupPaths)
                .add(
                        "credentials",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("type", "password")
                                        .add("value", PASSWORD)
                                        .add("temporary", false)))
                .build();
    }

    private static JsonObject testClient(String id, boolean audience, String lifespanSeconds) {
        var mappers = Json.createArrayBuilder().add(GROUPS_MAPPER);
        if (audience) {
            mappers.add(AUDIENCE_MAPPER);
        }
        var attributes = Json.createObjectBuilder();
        if (lifespanSeconds != null) {
            attributes.add("access.token.lifespan", lifespanSeconds);
        }
        return Json.createObjectBuilder()
                .add("clientId", id)
                .add("publicClient", true)
                .add("standardFlowEnabled", false)
                .add("directAccessGrantsEnabled", true)
                .add("attributes", attributes)
                .add("protocolMappers", mappers)
                .build();
    }
}
