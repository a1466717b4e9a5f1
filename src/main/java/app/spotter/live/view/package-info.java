/** What each role may see of a live session's events and state (trainer, trainee, wall display). */
package app.spotter.live.view;
