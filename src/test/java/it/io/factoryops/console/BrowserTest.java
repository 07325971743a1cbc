package it.io.factoryops.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test class: runs only where Chromium is installed (else skipped, with a WARNING), with one
 * browser for all its tests, and says how long its tests took in the browser.
 */
@ExtendWith(Chromium.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    Browser browser;
    private long started;

    @BeforeAll
    void startBrowser() throws Exception {
        started = System.nanoTime();
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        System.out.printf(
                "%s: browser tests took %.1f s%n", getClass().getSimpleName(), (System.nanoTime() - started) / 1e9);
    }
}
