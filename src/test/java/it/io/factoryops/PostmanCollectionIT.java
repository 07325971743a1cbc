package it.io.factoryops;

import static it.io.factoryops.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import it.io.factoryops.support.PostmanCollection;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Postman collection in docs/postman is the one generated from the OpenAPI document the server
 * serves. {@code -Dpostman.update=true} rewrites it instead of comparing.
 */
class PostmanCollectionIT {

    private static final Path COMMITTED = Path.of(System.getProperty("project.basedir", "."), PostmanCollection.FILE);
    private static final String REFRESH =
            "mvn -B verify -Dpostman.update=true -Dit.test=PostmanCollectionIT -Dtest=none "
                    + "-Dsurefire.failIfNoSpecifiedTests=false";

    @Test
    void committedCollectionIsTheServedDocuments() throws IOException {
        String generated;
        try (Response r =
                anonymous("openapi").header("Accept", "application/json").get()) {
            assertEquals(200, r.getStatus());
            generated = PostmanCollection.generate(r.readEntity(String.class));
        }
        if (Boolean.getBoolean("postman.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            fail(PostmanCollection.FILE + " is not the collection of the served OpenAPI document ("
                    + firstDifference(committed, generated) + "). Refresh it with `" + REFRESH + "` and commit it.");
        }
    }

    private static String firstDifference(String committed, String generated) {
        String[] old = committed.split("\n", -1);
        String[] now = generated.split("\n", -1);
        for (int i = 0; i < Math.max(old.length, now.length); i++) {
            String was = i < old.length ? old[i].strip() : "<end of file>";
            String is = i < now.length ? now[i].strip() : "<end of file>";
            if (!was.equals(is)) {
                return "line " + (i + 1) + ": committed «" + was + "», generated «" + is + "»";
            }
        }
        return "whitespace differs";
    }
}
