/**
 * The live WebSocket: {@code LiveSockets} upgrades a request into a {@code LiveConnection} (hello,
 * frames, heartbeat, close), whose {@code CommandIntake} passes commands to the processor in order
 * and whose feed (from {@code fanout}) follows sessions. The top of the live engine below
 * {@code LiveEngine}.
 */
package app.spotter.live.socket;
