/**
 * The served OpenAPI document: one filter that makes it equal the wire (names, pages, roles,
 * headers, problems) for every resource, from the resources' own annotations.
 */
package io.factoryops.platform.openapi;
