package io.shopsense.core.pipeline;

/**
 * Where one consumer stands.
 *
 * @param offset    the last sequence number it has processed and committed
 * @param lag       how many events of the log it has yet to process
 * @param failures  consecutive failed attempts at its current batch (0 when healthy)
 * @param lastError the last failure's type and message (never event contents), or null
 */
public record ConsumerStatus(String name, long offset, long lag, int failures, String lastError) {}
