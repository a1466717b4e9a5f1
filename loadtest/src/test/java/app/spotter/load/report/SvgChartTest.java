package app.spotter.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SvgChartTest {
  @Test
  @DisplayName("the chart has one line and one legend entry per non-empty histogram, with escaped names")
  void lines() {
    Histogram ack = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      ack.recordValue(i * 10L);
    }
    Map<String, Histogram> series = new LinkedHashMap<>();
    series.put("command->ack", ack);
    series.put("empty", new Histogram(3));

    String svg = SvgChart.render("fan-out", series);

    assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    assertThat(svg.split("<polyline", -1)).hasSize(2);
    assertThat(svg).contains("command-&gt;ack").doesNotContain(">empty<").contains("99.9%");
  }
}
