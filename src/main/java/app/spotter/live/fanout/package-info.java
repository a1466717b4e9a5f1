/**
 * From a commit to the sockets: {@code EventPublisher} hands an event to this instance's
 * {@code LiveHub} and, through Redis, to the other instances'; each socket's {@code SessionFeed}
 * (snapshot or catch-up, then every event once, in seq order) writes it to its {@code Peer}.
 * Presence, revocations and the Redis keys live here too. Uses {@code command} and {@code view}.
 */
package app.spotter.live.fanout;
