package app.spotter.exercise;

/** What a search of the exercises asks for: the text and the filters; null ones do not narrow it. */
public record ExerciseSearch(String query, String muscle, String equipment, String category) {}
