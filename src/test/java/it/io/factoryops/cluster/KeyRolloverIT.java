package it.io.factoryops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.Tokens;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A signing-key roll-over half-way (docs/CONFIGURATION.md, Keys): node A still signs with the old key, node B already
 * with the new one, and both verify with a JWK set holding the two public keys (FACTORY_JWT_VERIFY_WITH=jwks,
 * FACTORY_JWT_VERIFY_KEYS). Every token of either node is accepted by both; a token signed by a key outside
 * the set is refused by both. On a database of its own (dropped after). Only Api's constants are used: its
 * first use waits for the build's test server, which is not running under -Pcluster.
 */
class KeyRolloverIT {

    private static final Path OLD = Path.of(System.getProperty("cluster.keystore"));
    private static final Path NEW = Path.of(System.getProperty("cluster.next.keystore"));
    private static final String PASSWORD = System.getProperty("cluster.keystore.password");

    private final SiblingDatabase database = SiblingDatabase.of("_keys");

    @Test
    void duringARollOverTokensOfTheOldAndTheNewKeyAreBothAccepted() throws Exception {
        Path jwks = OLD.resolveSibling("rollover-jwks.json");
        Files.writeString(
                jwks,
                Json.createObjectBuilder()
                        .add(
                                "keys",
                                Json.createArrayBuilder()
                                        .add(Tokens.jwk(OLD, PASSWORD))
                                        .add(Tokens.jwk(NEW, PASSWORD)))
                        .build()
                        .toString());
        Map<String, String> verify = Map.of(
                "DB_URL",
                database.url(),
                "FACTORY_JWT_VERIFY_WITH",
                "jwks",
                "FACTORY_JWT_VERIFY_KEYS",
                jwks.toString());
        ClusterNode a = ClusterNode.a().with(verify);
        ClusterNode b = ClusterNode.b()
                .with(Map.of(
                        "DB_URL",
                        database.url(),
                        "FACTORY_JWT_VERIFY_WITH",
                        "jwks",
                        "FACTORY_JWT_VERIFY_KEYS",
                        jwks.toString(),
                        "FACTORY_KEYSTORE_FILE",
                        NEW.toString()));
        database.recreate(); // empty, also when an interrupted run left it
        try {
            a.start();
            b.start();
            String fromA = a.token(Api.ADMIN, Api.ADMIN_PASSWORD);
            String fromB = b.token(Api.ADMIN, Api.ADMIN_PASSWORD);
            assertEquals(
                    Tokens.keyId(OLD, PASSWORD), Tokens.header(fromA).getString("kid"), "A signs with the old key");
            assertEquals(
                    Tokens.keyId(NEW, PASSWORD), Tokens.header(fromB).getString("kid"), "B signs with the new key");
            assertNotEquals(
                    Tokens.header(fromA).getString("kid"), Tokens.header(fromB).getString("kid"));
            String forged = Tokens.withClaims(fromA, Map.of(), Tokens.otherKey());
            for (ClusterNode node : List.of(a, b)) {
                for (String token : List.of(fromA, fromB)) {
                    try (Response r = node.as(token, "api/auth/me").get()) {
                        assertEquals(200, r.getStatus(), () -> node + " refused a token of " + Tokens.header(token));
                    }
                }
                try (Response r = node.as(forged, "api/auth/me").get()) {
                    assertEquals(401, r.getStatus(), node + " accepted a token signed by a key outside the set");
                }
            }
        } finally {
            for (ClusterNode node : List.of(a, b)) {
                if (node.running()) {
                    node.stop();
                }
            }
            database.drop();
        }
    }
}
