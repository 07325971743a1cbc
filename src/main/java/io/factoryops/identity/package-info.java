/** Accounts, roles and sessions: login, JWT access tokens, rotating refresh tokens, account administration. */
package io.factoryops.identity;
