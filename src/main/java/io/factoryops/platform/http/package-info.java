/** HTTP plumbing: the JAX-RS application, security headers, ETags, parameters, OpenAPI completion. */
package io.factoryops.platform.http;
