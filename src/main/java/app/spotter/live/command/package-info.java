/**
 * Commands, the durable side of a live session: {@code CommandProcessor} checks a command (its
 * payload against the contract, the actor's role), applies it in one transaction with the event it
 * makes ({@code LiveRepository}), remembers final rejections ({@code CommandAnswers}), and hands the
 * committed {@code LiveEvent} to an {@code EventSink}. The bottom of the live engine: it uses none of
 * its other packages.
 */
package app.spotter.live.command;
