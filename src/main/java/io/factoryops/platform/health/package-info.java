/** MicroProfile Health checks: liveness, readiness, start-up. */
package io.factoryops.platform.health;
