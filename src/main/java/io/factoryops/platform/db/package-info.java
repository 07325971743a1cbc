/** Schema migrations at start-up (Flyway) and what every entity shares. */
package io.factoryops.platform.db;
