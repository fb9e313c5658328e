/**
 * Usage transparency: what each person's data was used for, counted per day and purpose in the
 * {@link io.shopsense.api.privacy.UsageLog}, fed from the profile change feed
 * ({@link io.shopsense.core.usage.SegmentUsageFollower}) and by the features that use data, and told back to the
 * person in plain words ({@link io.shopsense.core.usage.UsageReport}).
 */
package io.shopsense.core.usage;
