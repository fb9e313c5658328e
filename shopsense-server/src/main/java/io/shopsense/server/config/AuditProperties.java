package io.shopsense.server.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shopsense.audit.*}: which requests the audit log records. Every request under {@code /v1/**} that changes
 * something is recorded, except {@code unaudited-writes} (the high-volume ingest calls); reads are recorded when
 * their path template is one of {@code personal-reads} (a template ending in {@code /**} covers everything below).
 *
 * @param enabled         record requests at all (features' own entries are recorded regardless)
 * @param personalReads   path templates of reads of personal data
 * @param unauditedWrites request paths of writes not recorded
 */
@ConfigurationProperties("shopsense.audit")
public record AuditProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue({"/v1/persons", "/v1/persons/**", "/v1/customers/**", "/v1/profiles", "/v1/profiles/{person}",
        "/v1/profiles/{person}/timeline", "/v1/events/**", "/v1/consents/**", "/v1/segments/{id}/members",
        "/v1/privacy/requests/**", "/v1/privacy/usage/**", "/v1/me/**", "/v1/quarantine/**", "/v1/audit/**"})
    List<String> personalReads,
    @DefaultValue({"/v1/batch", "/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/alias"})
    List<String> unauditedWrites) {}
