/** API keys and their scopes; console users, their roles and sessions. */
package io.shopsense.api.access;
