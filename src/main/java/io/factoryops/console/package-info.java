/** The web console: the single page in {@code src/main/webapp}, served at {@code /} and at its deep links. */
package io.factoryops.console;
