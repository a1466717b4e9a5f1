package app.spotter.live.command;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * JSON numbers as vertx-json-schema 5.0 compares them (its Utils.Numbers): as doubles, unless one is a
 * BigInteger or BigDecimal. The wire decodes to Integer, Long, BigInteger and Double.
 */
final class SchemaNumbers {
  /** vertx-json-schema's tolerance for multipleOf. */
  private static final double EPSILON = 1.1920929e-7;

  private SchemaNumbers() {}

  /** 8.0 is an integer; a BigDecimal 8.0 is not (equals compares the scale too). */
  static boolean isInteger(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof BigInteger || n instanceof Short || n instanceof Byte) {
      return true;
    }
    if (n instanceof Double || n instanceof Float) {
      return n.doubleValue() % 1 == 0.0;
    }
    return n instanceof BigDecimal decimal && decimal.remainder(BigDecimal.ONE).equals(BigDecimal.ZERO);
  }

  static boolean less(Number a, Number b) {
    return isBig(a) || isBig(b) ? decimal(a).compareTo(decimal(b)) < 0 : a.doubleValue() < b.doubleValue();
  }

  static boolean isMultiple(Number n, Number factor) {
    double remainder;
    if (isBig(n) || isBig(factor)) {
      remainder = decimal(n).remainder(decimal(factor)).doubleValue();
    } else if (n instanceof Double || n instanceof Float || factor instanceof Double || factor instanceof Float) {
      remainder = n.doubleValue() % factor.doubleValue();
    } else {
      remainder = n.longValue() % factor.doubleValue();
    }
    return !(Math.abs(remainder) >= EPSILON && Math.abs(factor.doubleValue() - remainder) >= EPSILON);
  }

  private static boolean isBig(Number n) {
    return n instanceof BigDecimal || n instanceof BigInteger;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal decimal) {
      return decimal;
    }
    if (n instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
  }
}
