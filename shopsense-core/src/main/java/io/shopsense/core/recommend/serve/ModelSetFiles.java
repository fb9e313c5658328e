package io.shopsense.core.recommend.serve;

import java.nio.file.Path;

/** The on-disk form of a {@link ModelSet}. */
final class ModelSetFiles {
  private ModelSetFiles() {
  }

  static void write(ModelSet set, Path directory) {
    throw new UnsupportedOperationException("to be built");
  }

  static ModelSet read(Path directory) {
    throw new UnsupportedOperationException("to be built");
  }
}
