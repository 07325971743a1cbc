/** JSON-B configuration of the API. */
package io.factoryops.platform.json;
