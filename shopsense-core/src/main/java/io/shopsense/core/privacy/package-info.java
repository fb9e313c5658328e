/**
 * Data-subject requests: access/export, rectification and erasure of one person, each tracked with a deadline
 * ({@link io.shopsense.core.privacy.PrivacyRequestService}). What a store holds on a person is exported through
 * {@link io.shopsense.core.privacy.PersonalDataSection}s and erased through
 * {@link io.shopsense.core.privacy.ErasureStep}s, run in order; other features plug their own in (consents, usage
 * log, the event log and lake). The standard sections and steps over the store ports live in {@code internal}.
 */
package io.shopsense.core.privacy;
