/**
 * The ports of profiles and segments: the stored profile of each person (the fold state core reads, plus the derived
 * facts a store filters and counts on), segment definitions and memberships, and the feed of profile changes
 * (lifecycle transitions, segments entered and exited).
 */
package io.shopsense.api.profile;
