package app.spotter.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A latency percentile-distribution chart as plain SVG: x is the percentile on the usual
 * "number of nines" scale (0, 90, 99, 99.9, ...), y the latency in milliseconds on a log scale, one
 * line per histogram (recorded in microseconds).
 */
public final class SvgChart {
  private static final int WIDTH = 860;
  private static final int HEIGHT = 480;
  private static final int LEFT = 70;
  private static final int RIGHT = 230;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final double MAX_NINES = 5; // 99.999 %
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf",
      "#7f7f7f"};

  private SvgChart() {}

  public static String render(String title, Map<String, Histogram> series) {
    List<Map.Entry<String, Histogram>> drawn = series.entrySet().stream()
        .filter(e -> e.getValue().getTotalCount() > 0).toList();
    double minMs = 0.1;
    double maxMs = 1;
    for (var e : drawn) {
      minMs = Math.min(minMs, Math.max(0.01, e.getValue().getMinValue() / 1000.0));
      maxMs = Math.max(maxMs, e.getValue().getMaxValue() / 1000.0);
    }
    double lowDecade = Math.floor(Math.log10(minMs));
    double highDecade = Math.ceil(Math.log10(maxMs));
    StringBuilder svg = new StringBuilder();
    svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
    svg.append(f("<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", LEFT, escape(title)));
    for (int nines = 0; nines <= MAX_NINES; nines++) {
      double x = x(nines);
      svg.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, TOP, x, HEIGHT - BOTTOM));
      svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, HEIGHT - BOTTOM + 18,
          percentileLabel(nines)));
    }
    for (double d = lowDecade; d <= highDecade; d++) {
      double y = y(d, lowDecade, highDecade);
      svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y, WIDTH - RIGHT, y));
      svg.append(f("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + 4, msLabel(Math.pow(10, d))));
    }
    svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>\n",
        (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 20));
    svg.append(f("<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">latency (ms, log scale)</text>\n",
        (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2));
    for (int i = 0; i < drawn.size(); i++) {
      String color = COLORS[i % COLORS.length];
      svg.append(f("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", color,
          points(drawn.get(i).getValue(), lowDecade, highDecade)));
      int ly = TOP + 10 + i * 20;
      svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>\n",
          WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 35, ly, color));
      svg.append(f("<text x=\"%d\" y=\"%d\">%s</text>\n", WIDTH - RIGHT + 40, ly + 4, escape(drawn.get(i).getKey())));
    }
    return svg.append("</svg>\n").toString();
  }

  private static String points(Histogram h, double lowDecade, double highDecade) {
    List<String> points = new ArrayList<>();
    for (HistogramIterationValue v : h.percentiles(5)) {
      double nines = Math.min(MAX_NINES, -Math.log10(Math.max(1e-9, 1 - v.getPercentileLevelIteratedTo() / 100.0)));
      double ms = Math.max(Math.pow(10, lowDecade), h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
      points.add(f("%.1f,%.1f", x(nines), y(Math.log10(ms), lowDecade, highDecade)));
      if (nines >= MAX_NINES) {
        break;
      }
    }
    return String.join(" ", points);
  }

  private static double x(double nines) {
    return LEFT + nines / MAX_NINES * (WIDTH - LEFT - RIGHT);
  }

  private static double y(double decade, double low, double high) {
    return HEIGHT - BOTTOM - (decade - low) / Math.max(1, high - low) * (HEIGHT - TOP - BOTTOM);
  }

  private static String percentileLabel(int nines) {
    return switch (nines) {
      case 0 -> "0%";
      case 1 -> "90%";
      case 2 -> "99%";
      default -> "99." + "9".repeat(nines - 2) + "%";
    };
  }

  private static String msLabel(double ms) {
    return ms >= 1 ? f("%.0f ms", ms) : f("%s ms", ms < 0.1 ? f("%.2f", ms) : f("%.1f", ms));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
