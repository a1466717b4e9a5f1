package app.spotter.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Argon2id (OWASP's minimum: 19 MiB, 2 passes), always on a worker thread: hashing blocks. */
public final class PasswordHasher {
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  /** Compared against when the account does not exist, so timing does not reveal which emails exist. */
  private static final String DUMMY_HASH = Password.hash("not-a-password").addRandomSalt(16).with(ARGON2).getResult();

  private final Vertx vertx;

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult(), false);
  }

  /** {@code hash} null means "no such account": still costs one verification. */
  public Future<Boolean> verify(String password, String hash) {
    return vertx.executeBlocking(
        () -> Password.check(password, hash == null ? DUMMY_HASH : hash).with(ARGON2) && hash != null, false);
  }
}
