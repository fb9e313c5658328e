package io.shopsense.platform;

import io.shopsense.core.collect.IngestSettings;
import io.shopsense.core.consent.ConsentSettings;
import io.shopsense.core.crypto.CryptoSettings;
import io.shopsense.core.identity.IdentitySettings;
import io.shopsense.core.privacy.PrivacyRequestSettings;
import io.shopsense.core.profile.ProfileSettings;
import io.shopsense.lake.LakeSettings;
import java.nio.file.Path;

/**
 * Everything that shapes one ShopSense instance.
 *
 * @param lake            the lake's settings, or null to run without writing the lake
 * @param profile         how profiles are built
 * @param crypto          where the keys are and what is sealed, or null to seal nothing (the embedded defaults: tests
 *                        and tools over a scratch directory; the server turns it on)
 * @param consent         how consent is enforced (nothing strictly necessary by default: nothing is pre-ticked)
 * @param privacyRequests how data-subject requests are handled
 * @param recommend       how recommendation models are trained, kept and swapped (null: the defaults under the
 *                        store's data directory)
 * @param campaign        how campaigns and journeys reach people (null: the defaults under the store's data
 *                        directory)
 */
public record PlatformSettings(StoreSettings store, IngestSettings ingest, IdentitySettings identity,
    LakeSettings lake, ProfileSettings profile, CryptoSettings crypto, ConsentSettings consent,
    PrivacyRequestSettings privacyRequests, RecommendSettings recommend,
    io.shopsense.platform.campaign.CampaignSettings campaign) {

  public PlatformSettings {
    if (recommend == null && store != null) {
      recommend = RecommendSettings.defaults(store.dataDir());
    }
    if (campaign == null && store != null) {
      campaign = io.shopsense.platform.campaign.CampaignSettings.defaults(store.dataDir());
    }
  }

  /** The settings with the default campaign settings. */
  public PlatformSettings(StoreSettings store, IngestSettings ingest, IdentitySettings identity, LakeSettings lake,
      ProfileSettings profile, CryptoSettings crypto, ConsentSettings consent,
      PrivacyRequestSettings privacyRequests, RecommendSettings recommend) {
    this(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend, null);
  }

  /** The settings with the default recommendation settings (models under the data directory). */
  public PlatformSettings(StoreSettings store, IngestSettings ingest, IdentitySettings identity, LakeSettings lake,
      ProfileSettings profile, CryptoSettings crypto, ConsentSettings consent,
      PrivacyRequestSettings privacyRequests) {
    this(store, ingest, identity, lake, profile, crypto, consent, privacyRequests,
        RecommendSettings.defaults(store.dataDir()));
  }

  /** The settings without a key ring, with the default consent settings and handling of data-subject requests. */
  public PlatformSettings(StoreSettings store, IngestSettings ingest, IdentitySettings identity, LakeSettings lake,
      ProfileSettings profile) {
    this(store, ingest, identity, lake, profile, null);
  }

  /** The settings with the default consent settings and handling of data-subject requests. */
  public PlatformSettings(StoreSettings store, IngestSettings ingest, IdentitySettings identity, LakeSettings lake,
      ProfileSettings profile, CryptoSettings crypto) {
    this(store, ingest, identity, lake, profile, crypto, ConsentSettings.defaults());
  }

  /** The settings with the default handling of data-subject requests. */
  public PlatformSettings(StoreSettings store, IngestSettings ingest, IdentitySettings identity, LakeSettings lake,
      ProfileSettings profile, CryptoSettings crypto, ConsentSettings consent) {
    this(store, ingest, identity, lake, profile, crypto, consent, PrivacyRequestSettings.defaults());
  }

  /** The embedded defaults over {@code dataDir}, with the lake under {@code dataDir/lake}. */
  public static PlatformSettings embedded(Path dataDir) {
    return new PlatformSettings(StoreSettings.embedded(dataDir), IngestSettings.defaults(),
        IdentitySettings.defaults(), LakeSettings.defaults(dataDir.resolve("lake")), ProfileSettings.defaults());
  }

  public PlatformSettings withProfile(ProfileSettings profile) {
    return new PlatformSettings(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend,
        campaign);
  }

  public PlatformSettings withCrypto(CryptoSettings crypto) {
    return new PlatformSettings(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend,
        campaign);
  }

  public PlatformSettings withConsent(ConsentSettings consent) {
    return new PlatformSettings(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend,
        campaign);
  }

  public PlatformSettings withPrivacyRequests(PrivacyRequestSettings privacyRequests) {
    return new PlatformSettings(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend,
        campaign);
  }

  public PlatformSettings withRecommend(RecommendSettings recommend) {
    return new PlatformSettings(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend,
        campaign);
  }

  public PlatformSettings withCampaign(io.shopsense.platform.campaign.CampaignSettings campaign) {
    return new PlatformSettings(store, ingest, identity, lake, profile, crypto, consent, privacyRequests, recommend,
        campaign);
  }
}
