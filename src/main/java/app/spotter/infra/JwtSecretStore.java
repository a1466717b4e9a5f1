package app.spotter.infra;

import java.nio.file.Path;

/** With no SPOTTER_JWT_SECRET, a secret is generated once and kept (owner-readable only) in the data dir. */
public final class JwtSecretStore {
  private JwtSecretStore() {}

  public static String loadOrCreate(Path dataDir) {
    return SecretFile.loadOrCreate(dataDir.resolve("jwt-secret"));
  }
}
