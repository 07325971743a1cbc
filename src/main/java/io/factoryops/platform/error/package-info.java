/** RFC 9457 problem+json for every client error: stable codes, the exception mappers. */
package io.factoryops.platform.error;
