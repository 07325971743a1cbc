package it.io.factoryops.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application as the in-container (Arquillian) tests deploy it beside the integration server's own copy:
 * {@code target/factory-ops.war} under another name, without the classes that schedule EJB timers (the server's
 * copy runs those; two copies would run each timer twice). The timer classes are found in the compiled
 * classes, by the annotations their bytecode names ({@code @Schedule}, {@code @Schedules}, {@code @Timeout}), so
 * a new timer needs no edit here nor in any test.
 */
public final class TestDeployment {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final List<String> TIMER_ANNOTATIONS =
            List.of("Ljakarta/ejb/Schedule;", "Ljakarta/ejb/Schedules;", "Ljakarta/ejb/Timeout;");

    private TestDeployment() {}

    /** The application's WAR named {@code name}, without its timers; add the test's own classes to it. */
    public static WebArchive withoutTimers(String name) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File("target/factory-ops.war"))
                .as(WebArchive.class);
        timerClasses().forEach(war::deleteClass);
        return war;
    }

    /** The fully qualified names of the application's classes that declare a timer. */
    public static List<String> timerClasses() {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            List<String> found = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(TestDeployment::declaresTimer)
                    .map(f -> CLASSES.relativize(f)
                            .toString()
                            .replace(File.separatorChar, '.')
                            .replaceAll("\\.class$", ""))
                    .sorted()
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no timer class under " + CLASSES.toAbsolutePath() + ": not built?");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean declaresTimer(Path classFile) {
        try {
            // the constant pool holds annotation descriptors as modified UTF-8, plain ASCII for these names
            String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return TIMER_ANNOTATIONS.stream().anyMatch(bytes::contains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
