/**
 * The audit log: an append-only, hash-chained record of who did what to personal data and to the configuration.
 * Entries never carry personal data: actors are key ids, user names or random person ids, targets are random ids.
 */
package io.shopsense.api.audit;
