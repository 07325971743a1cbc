/**
 * What the services of master records share (suppliers, employees, customers, mechanics, products, parts):
 * find or 404, If-Match, a unique key checked before the write and by the database, create, replace and
 * delete each with its audit row.
 */
package io.factoryops.platform.records;
