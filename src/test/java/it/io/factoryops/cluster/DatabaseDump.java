package it.io.factoryops.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The logical backup of docs/OPERATIONS.md, with the database's own tools: MySQL/MariaDB's {@code mariadb-dump} (or
 * {@code mysqldump}) {@code --single-transaction} into SQL, restored with the {@code mariadb} (or {@code mysql})
 * client; PostgreSQL's {@code pg_dump -Fc} (one snapshot by design), restored with {@code pg_restore}. The database
 * server and account are DB_URL's, DB_USER's and DB_PASSWORD's ({@link SiblingDatabase}).
 */
final class DatabaseDump {

    private DatabaseDump() {}

    /** The tools this machine lacks for DB_URL's kind of database (empty: both are there). */
    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        if (postgresql()) {
            for (String tool : List.of("pg_dump", "pg_restore")) {
                if (find(tool) == null) {
                    missing.add(tool);
                }
            }
        } else {
            if (find("mariadb-dump") == null && find("mysqldump") == null) {
                missing.add("mariadb-dump or mysqldump");
            }
            if (find("mariadb") == null && find("mysql") == null) {
                missing.add("the mariadb or mysql client");
            }
        }
        return missing;
    }

    /** Dumps {@code database} into {@code file} while it is in use: one consistent snapshot. */
    static void dump(SiblingDatabase database, Path file) throws Exception {
        if (postgresql()) {
            run(tool("pg_dump", "--format=custom", "--file=" + file, database.name()), null);
        } else {
            String dump = find("mariadb-dump") != null ? "mariadb-dump" : "mysqldump";
            run(
                    tool(
                            dump,
                            "--single-transaction",
                            "--routines",
                            "--triggers",
                            "--hex-blob",
                            "--default-character-set=utf8mb4",
                            "--result-file=" + file,
                            database.name()),
                    null);
        }
    }

    /** Restores {@code file} into {@code database}, which exists and is empty. */
    static void restore(Path file, SiblingDatabase database) throws Exception {
        if (postgresql()) {
            run(tool("pg_restore", "--no-owner", "--exit-on-error", "-d", database.name(), file.toString()), null);
        } else {
            String client = find("mariadb") != null ? "mariadb" : "mysql";
            run(tool(client, "--default-character-set=utf8mb4", database.name()), file);
        }
    }

    /** A database tool's command line: the tool, the connection (host, port, user: -h -p -U or -h -P -u), then these. */
    private static List<String> tool(String name, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                find(name),
                "-h",
                SiblingDatabase.host(),
                postgresql() ? "-p" : "-P",
                Integer.toString(SiblingDatabase.port()),
                postgresql() ? "-U" : "-u",
                SiblingDatabase.user()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static void run(List<String> command, Path input) throws Exception {
        Path log = Files.createTempFile("database-dump", ".log");
        try {
            ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
            process.redirectOutput(log.toFile());
            if (input != null) {
                process.redirectInput(input.toFile());
            }
            // the password through the tools' environment, never on the command line
            Map<String, String> environment = process.environment();
            if (!SiblingDatabase.password().isEmpty()) {
                environment.put(postgresql() ? "PGPASSWORD" : "MYSQL_PWD", SiblingDatabase.password());
            }
            Process p = process.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " took over 10 minutes");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " failed (" + p.exitValue() + "): " + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean postgresql() {
        return SiblingDatabase.kind().equals("postgresql");
    }

    /** The tool's path on PATH, or null. */
    private static String find(String tool) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** The file's size in MiB, for the drill's report. */
    static String size(Path file) throws IOException {
        return String.format("%.1f MiB", Files.size(file) / 1048576.0);
    }
}
