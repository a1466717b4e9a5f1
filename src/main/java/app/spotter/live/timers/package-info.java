/**
 * Running timers finished by the server, once across instances: {@code RunningTimers} keeps their
 * deadlines in a Redis sorted set as events commit; {@code TimerDeadlines} claims due ones and
 * finishes them through a {@code TimerFinish} (the command processor).
 */
package app.spotter.live.timers;
