/** API keys and their scopes. */
package io.shopsense.api.access;
