package it.io.factoryops.console;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the browser tests only where Debian's Chromium and its driver are installed ({@code .ci/run} installs
 * them); elsewhere the tests are reported as skipped and the build output says so in a WARNING line,
 * once per class, never silently. Paths: {@code -Dchromium.binary}, {@code -Dchromium.driver}.
 */
public final class Chromium implements ExecutionCondition {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed()) {
            return ConditionEvaluationResult.enabled("Chromium at " + BINARY + ", driver at " + DRIVER);
        }
        if (context.getTestMethod().isEmpty()) {
            String line = "[WARNING] BROWSER TESTS SKIPPED: " + context.getDisplayName() + " needs Chromium (" + BINARY
                    + ") and chromedriver (" + DRIVER + "), which are not installed. Install them with "
                    + "`apt-get install -y chromium chromium-driver` (as .ci/run does) to test the web console.";
            System.out.println(line);
        }
        return ConditionEvaluationResult.disabled("Chromium or chromedriver not installed: browser tests skipped");
    }
}
