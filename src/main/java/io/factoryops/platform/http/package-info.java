/** HTTP plumbing: the JAX-RS application, request ids, security headers, ETags, parameters, OpenAPI completion. */
package io.factoryops.platform.http;
