package app.spotter.load.setup;

import java.util.List;

/** What the setup made through the REST API: trainers, and per live session the tokens of its devices. */
public record Fleet(List<TrainerSetup> trainers, List<SessionSetup> sessions) {

  /** A trainer, its access token, and the tokens of its displays that follow all of its sessions. */
  public record TrainerSetup(int index, String id, String accessToken, List<String> wallDisplayTokens) {}

  /** One live session, its exercise records, its trainee and their token, and the tokens of displays watching just it. */
  public record SessionSetup(int index, TrainerSetup trainer, String sessionId, List<String> exerciseIds,
      String traineeId, String traineeToken, List<String> displayTokens) {}

  public int sockets() {
    int walls = trainers.stream().mapToInt(t -> t.wallDisplayTokens().size()).sum();
    return walls + sessions.stream().mapToInt(s -> 2 + s.displayTokens().size()).sum();
  }
}
