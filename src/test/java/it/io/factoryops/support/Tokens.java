package it.io.factoryops.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.FileInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Builds JWTs the way an attacker or a clock would: expired ones signed with the server's own key,
 * ones signed with another key, unsigned ({@code alg: none}) ones and tampered ones.
 */
public final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Tokens() {}

    public static JsonObject header(String token) {
        return parse(new String(B64D.decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
    }

    public static JsonObject claims(String token) {
        return parse(new String(B64D.decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The real token with some claims replaced, re-signed with the given key (null: keep the old signature). */
    public static String withClaims(String token, Map<String, JsonValue> changes, PrivateKey key) {
        JsonObjectBuilder claims = Json.createObjectBuilder(claims(token));
        changes.forEach(claims::add);
        String head = token.split("\\.")[0];
        String payload = B64.encodeToString(claims.build().toString().getBytes(StandardCharsets.UTF_8));
        if (key == null) {
            return head + "." + payload + "." + token.split("\\.")[2];
        }
        return sign(head + "." + payload, key);
    }

    public static String unsigned(String token) {
        String head = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return head + "." + token.split("\\.")[1] + ".";
    }

    /**
     * The test server's signing key: the signing keystore the application generated on its first start
     * (no FACTORY_KEYSTORE_FILE is set), whose password is keystore_password of server.env.
     */
    public static PrivateKey serverKey() {
        try {
            String password = serverKeystorePassword();
            return (PrivateKey) keystore(serverKeystore(), password).getKey("default", password.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the server's signing key", e);
        }
    }

    /** The {@link #keyId} of the test server's generated signing keystore. */
    public static String serverKeyId() {
        return keyId(serverKeystore(), serverKeystorePassword());
    }

    /** The test server's generated signing keystore (FACTORY_KEYSTORE_FILE's default). */
    public static Path serverKeystore() {
        return Path.of(System.getProperty("liberty.server.dir"), "resources", "security", "jwt-signing.p12");
    }

    /**
     * The keystore Liberty generates for its defaultKeyStore: the HTTPS key of FACTORY_TLS_CERTIFICATE=generated
     * (the test server serves the run's tls.p12 instead), password keystore_password too.
     */
    public static Path libertyKeystore() {
        return Path.of(System.getProperty("liberty.server.dir"), "resources", "security", "key.p12");
    }

    /** keystore_password of the server.env that the build generated. */
    public static String serverKeystorePassword() {
        try {
            return Files.readAllLines(Path.of(System.getProperty("liberty.server.dir"), "server.env")).stream()
                    .filter(l -> l.startsWith("keystore_password="))
                    .map(l -> l.substring("keystore_password=".length()))
                    .findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the server's server.env", e);
        }
    }

    /**
     * The {@code kid} Liberty's jwtBuilder writes into the header of the tokens it signs with the key "default"
     * of this keystore: base64url(SHA-256(the public key's X.509 SubjectPublicKeyInfo)).
     */
    public static String keyId(Path keystore, String password) {
        try {
            byte[] key = keystore(keystore, password)
                    .getCertificate("default")
                    .getPublicKey()
                    .getEncoded();
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the public key of " + keystore, e);
        }
    }

    /** The public key of the entry "default" of this keystore as a JWK (RFC 7517) with its {@link #keyId}. */
    public static JsonObject jwk(Path keystore, String password) {
        try {
            java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey)
                    keystore(keystore, password).getCertificate("default").getPublicKey();
            return Json.createObjectBuilder()
                    .add("kty", "RSA")
                    .add("use", "sig")
                    .add("alg", "RS256")
                    .add("kid", keyId(keystore, password))
                    .add("n", B64.encodeToString(unsigned(key.getModulus())))
                    .add("e", B64.encodeToString(unsigned(key.getPublicExponent())))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the public key of " + keystore, e);
        }
    }

    /** A JWK's big-endian integer: without the sign byte Java adds. */
    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Whether the token's RS256 signature verifies with this public key. */
    public static boolean verifies(String token, java.security.PublicKey key) {
        try {
            String[] parts = token.split("\\.");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(B64D.decode(parts[2]));
        } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
            return false; // not an RSA key, or not this signature's
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyStore keystore(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(file.toFile())) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    public static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonValue epoch(Instant instant) {
        return Json.createValue(instant.getEpochSecond());
    }

    private static String sign(String input, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
