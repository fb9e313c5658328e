package io.shopsense.store.log;

/**
 * An envelope encoded by the appending thread, so that the single writer only frames, checks and writes it.
 *
 * @param messageId    the message id, to verify hash hits against
 * @param idHash       the {@link IdHash} of the message id's UTF-8 bytes
 * @param identityKeys the distinct identity-index keys of the event (see {@link IdHash#identityKey})
 * @param body         the record body after the sequence number (see {@link RecordCodec})
 * @param idDigest     the {@link ErasedIds} digest of the message id, made on the appending thread once the log holds
 *                     erased events (so the writer need not hash); null before
 */
record PreparedRecord(String messageId, long idHash, int[] identityKeys, byte[] body, byte[] idDigest) {

  PreparedRecord withDigest() {
    return new PreparedRecord(messageId, idHash, identityKeys, body, ErasedIds.digest(messageId));
  }

  int frameBytes() {
    return RecordCodec.FRAME_HEADER_BYTES + RecordCodec.SEQ_BYTES + body.length;
  }
}
