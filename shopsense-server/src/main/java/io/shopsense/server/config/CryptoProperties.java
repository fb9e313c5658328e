package io.shopsense.server.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.crypto.*}: the keys that protect personal data at rest. The master key itself is never a
 * property: it is {@code master.key} in the key directory, or {@code SHOPSENSE_MASTER_KEY} in the environment.
 *
 * @param enabled    keep a key ring: seal personal fields, rotate keys, give analysts pseudonyms
 * @param keyDir     the key ring's directory; by default beside the data directory ({@code <data-dir>-keys}), never
 *                   inside it
 * @param sealTraits seal personal trait values (email, phone, names, address, ...) in the trait store
 */
@Validated
@ConfigurationProperties("shopsense.crypto")
public record CryptoProperties(
    @DefaultValue("true") boolean enabled,
    Path keyDir,
    @DefaultValue("true") boolean sealTraits) {}
