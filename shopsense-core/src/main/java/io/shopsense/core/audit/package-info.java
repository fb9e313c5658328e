/**
 * The audit trail: recording who did what to personal data and configuration ({@link io.shopsense.core.audit.AuditTrail},
 * the one entry point for the server's request auditing and for features' domain events), and checking that the
 * hash-chained log was not tampered with ({@link io.shopsense.core.audit.AuditVerifier}), also against a copy of its
 * head kept outside the store ({@link io.shopsense.core.audit.AuditAnchor}).
 */
package io.shopsense.core.audit;
