/** Access: issuing and checking API keys (scoped, hashed, revocable). */
package io.shopsense.core.access;
