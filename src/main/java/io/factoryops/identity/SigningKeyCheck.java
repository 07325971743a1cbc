package io.factoryops.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure, before the first token, that the access tokens have a signing key of their own, and says which.
 * The signing keystore is server.xml's {@code factorySigningKeys} at {@code FACTORY_KEYSTORE_FILE}, never the
 * HTTPS keystore. Liberty generates no keystore but its {@code defaultKeyStore} (the HTTPS one of
 * {@code FACTORY_TLS_CERTIFICATE=generated}), so:
 * <ul>
 * <li>left unset, the keystore is {@code resources/security/jwt-signing.p12} of this server: generated here on
 * the first start (an RSA 2048 key, with the JVM's keytool), a key of this server alone, and a WARNING says
 * that a cluster must mount a shared one;</li>
 * <li>set to a file that does not exist, the application refuses to start: in a cluster a key of one node
 * would make its tokens fail on the others.</li>
 * </ul>
 * Liberty reads a keystore when its configuration is applied, and drops one whose file is missing (on the
 * first start it logs CWPKI0807W and CWPKI0033E for it). After generating the file, this therefore writes a
 * configuration drop-in that re-states the keystore element ({@code configDropins/overrides/jwt-signing-keystore.xml},
 * which Liberty's configuration monitor applies within a second), and waits until the token builder signs,
 * before the application takes requests.
 */
@Startup
@Singleton
public class SigningKeyCheck {

    private static final Logger LOG = Logger.getLogger(SigningKeyCheck.class.getName());

    @Inject
    @ConfigProperty(name = "FACTORY_KEYSTORE_FILE")
    String keystoreFile;

    @Inject
    @ConfigProperty(name = "FACTORY_KEYSTORE_PASSWORD")
    String keystorePassword;

    @Inject
    @ConfigProperty(name = "FACTORY_KEYSTORE_ALIAS", defaultValue = "default")
    String alias;

    @PostConstruct
    void check() {
        Path configured = Path.of(keystoreFile).toAbsolutePath().normalize();
        Path generated = Path.of(
                        System.getProperty("server.output.dir", "."), "resources", "security", "jwt-signing.p12")
                .toAbsolutePath()
                .normalize();
        if (configured.equals(generated)) {
            if (!Files.exists(generated)) {
                generate(generated);
                reloadKeystore();
            }
            LOG.warning("No FACTORY_KEYSTORE_FILE: access tokens are signed with a key generated for this server "
                    + "alone (" + generated + "). A cluster must mount one keystore on every node "
                    + "(FACTORY_KEYSTORE_FILE, FACTORY_KEYSTORE_PASSWORD), or tokens issued by one node are "
                    + "refused by the others.");
            return;
        }
        if (!Files.isRegularFile(configured)) {
            throw new IllegalStateException("FACTORY_KEYSTORE_FILE " + configured + " does not exist: mount the "
                    + "signing keystore at that path (the same file on every node of a cluster).");
        }
        LOG.info("Access tokens are signed with the key '" + alias + "' of " + configured + " (FACTORY_KEYSTORE_FILE)");
    }

    /**
     * Makes Liberty load the keystore it dropped at start-up: a drop-in that re-states the element with one more
     * attribute (a polling rate, unused: updateTrigger stays disabled) is a change of it, so Liberty builds it
     * again, from the file that now exists. Then waits (at most a minute) until the builder signs with it.
     */
    private static void reloadKeystore() {
        Path overrides = Path.of(
                System.getProperty("server.config.dir", System.getProperty("server.output.dir", ".")),
                "configDropins",
                "overrides");
        try {
            Files.createDirectories(overrides);
            Files.writeString(overrides.resolve("jwt-signing-keystore.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!-- Written by the application (SigningKeyCheck) after it generated the signing keystore on the
                         first start: Liberty had dropped the keystore element because its file was missing. -->
                    <server>
                        <keyStore id="factorySigningKeys" pollingRate="1h"/>
                    </server>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration drop-in in " + overrides, e);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                com.ibm.websphere.security.jwt.JwtBuilder.create("factory.access")
                        .subject("signing-key-check")
                        .buildJwt();
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Liberty did not load the generated signing keystore within a "
                                    + "minute (configDropins/overrides/jwt-signing-keystore.xml)",
                            notYet);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** A PKCS12 keystore with one RSA key pair under the alias, written whole or not at all, readable by its owner. */
    private void generate(Path file) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            ProcessBuilder process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            alias,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "3650",
                            "-dname",
                            "CN=factory-ops-jwt-signing",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            partial.toString(),
                            "-storepass:env",
                            "FACTORY_SIGNING_STOREPASS"))
                    .redirectErrorStream(true);
            process.environment().put("FACTORY_SIGNING_STOREPASS", keystorePassword);
            Process p = process.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "Cannot generate the signing keystore " + file + " with " + keytool + ": " + output.strip());
            }
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions apply
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Generated the signing keystore " + file + " (alias '" + alias + "')");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate the signing keystore " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating the signing keystore " + file, e);
        }
    }
}
