package app.spotter.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cell rules the API cannot reach: the schema never lets a negative number or a non-number into a number column. */
class CsvExportTest {

  @Test
  @DisplayName("a negative number in a number column is data and stays a number; anything else there is escaped as text")
  void numberCells() {
    assertThat(CsvExport.numberCell("-2.5")).isEqualTo("-2.5");
    assertThat(CsvExport.numberCell("100")).isEqualTo("100");
    assertThat(CsvExport.numberCell(null)).isNull();
    assertThat(CsvExport.numberCell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvExport.numberCell("=1")).isEqualTo("'=1");
  }

  @Test
  @DisplayName("a text cell is escaped by its first character only, and '-5' in a text column is escaped too")
  void textCells() {
    assertThat(CsvExport.textCell("-5")).isEqualTo("'-5");
    assertThat(CsvExport.textCell("a=b")).isEqualTo("a=b");
    assertThat(CsvExport.textCell("")).isEmpty();
    assertThat(CsvExport.textCell(null)).isNull();
  }
}
