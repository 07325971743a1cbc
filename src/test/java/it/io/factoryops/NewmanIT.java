package it.io.factoryops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.io.factoryops.support.Api;
import it.io.factoryops.support.PostmanCollection;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed Postman collection runs end to end: newman (installed with the machine's npm into
 * {@code target/newman}, pinned by the build's {@code newman.version}) sends every request of
 * {@code docs/postman/} in order to the test server, signed in as its first super admin, and every request answers
 * its documented status. The CLI output goes to {@code target/newman/newman.log}, the JUnit report to
 * {@code target/newman/newman-junit.xml}. Without npm on the PATH, or with {@code -Dnewman.skip=true}, the test is
 * skipped with a WARNING line in the build output.
 */
class NewmanIT {

    private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));
    private static final Path HOME = BASEDIR.resolve("target/newman");
    private static final Path NEWMAN = HOME.resolve("node_modules/.bin/newman");
    private static final String VERSION = System.getProperty("newman.version", "6.2.2");
    private static final long INSTALL_MINUTES = 5;
    private static final long RUN_MINUTES = 10;
    /** The head of newman's table of failures (colours removed). */
    private static final Pattern FAILURES = Pattern.compile("#\\s+failure\\s+detail");

    @Test
    void everyRequestOfTheCollectionAnswersAsDocumented() throws IOException, InterruptedException {
        skipWithWarningUnless(!Boolean.getBoolean("newman.skip"), "-Dnewman.skip=true");
        Path npm = onPath("npm");
        skipWithWarningUnless(npm != null, "npm is not on the PATH (install Node.js 18+ with npm)");
        Files.createDirectories(HOME);
        if (!Files.isExecutable(NEWMAN) || !installed().equals(VERSION)) {
            Process install = run(
                    List.of(
                            npm.toString(),
                            "install",
                            "--prefix",
                            HOME.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--no-save",
                            "newman@" + VERSION),
                    HOME.resolve("npm-install.log"),
                    INSTALL_MINUTES);
            assertEquals(
                    0,
                    install.exitValue(),
                    () -> "npm could not install newman@" + VERSION + " (target/newman/npm-install.log): "
                            + tail(HOME.resolve("npm-install.log"))
                            + "\nWithout the npm registry, skip this test with -Dnewman.skip=true.");
        }
        Path log = HOME.resolve("newman.log");
        Process newman = run(
                List.of(
                        NEWMAN.toString(),
                        "run",
                        BASEDIR.resolve(PostmanCollection.FILE).toString(),
                        "--env-var",
                        "baseUrl=" + Api.BASE,
                        "--env-var",
                        "username=" + Api.ADMIN,
                        "--env-var",
                        "password=" + Api.ADMIN_PASSWORD,
                        "--timeout-request",
                        "60000",
                        "--color",
                        "off",
                        "--disable-unicode",
                        "--reporters",
                        "cli,junit",
                        "--reporter-junit-export",
                        HOME.resolve("newman-junit.xml").toString()),
                log,
                RUN_MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        Matcher failures = FAILURES.matcher(output);
        assertEquals(
                0,
                newman.exitValue(),
                () -> "newman run of " + PostmanCollection.FILE + " failed (target/newman/newman.log, "
                        + "target/newman/newman-junit.xml):\n"
                        + (failures.find() ? firstLines(output.substring(failures.start()), 80) : tail(log)));
        assertTrue(output.contains("assertions"), () -> "newman printed no summary: " + tail(log));
    }

    private static void skipWithWarningUnless(boolean condition, String why) {
        if (!condition) {
            System.out.println("[WARNING] NEWMAN SKIPPED: the Postman collection " + PostmanCollection.FILE
                    + " was not run, because " + why + ".");
        }
        assumeTrue(condition, why);
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The version of newman in target/newman, empty when none. */
    private static String installed() throws IOException {
        Path manifest = HOME.resolve("node_modules/newman/package.json");
        if (!Files.exists(manifest)) {
            return "";
        }
        try (var reader = jakarta.json.Json.createReader(Files.newBufferedReader(manifest))) {
            return reader.readObject().getString("version", "");
        }
    }

    /** Runs a command with its output in {@code log}; fails when it outlives the timeout. */
    private static Process run(List<String> command, Path log, long minutes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .directory(BASEDIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    String.join(" ", command.subList(0, 2)) + " took more than " + minutes + " minutes: " + tail(log));
        }
        return process;
    }

    private static String firstLines(String text, int count) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        return String.join("\n", lines.subList(0, Math.min(count, lines.size())))
                + (lines.size() > count
                        ? "\n… (" + (lines.size() - count) + " more lines in target/newman/newman.log)"
                        : "");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
