package cn.xinfang.calendar;

import java.time.LocalDate;

/**
 * The day in Beijing on which the sun reaches a solar term (节气), e.g. 清明 at an apparent longitude
 * of 15°.
 *
 * <p>ICU4J has no public API for solar terms, so the sun's apparent longitude is computed here with
 * the low-accuracy solar theory of J. Meeus, <i>Astronomical Algorithms</i> (2nd ed., 1998), ch.
 * 25: the geometric mean longitude and the equation of the centre, corrected for nutation and
 * aberration, about 0.01° (a quarter of an hour of the sun's motion) from the full theory. The
 * moment is found by Newton's method on that longitude, moved from dynamical time to universal time
 * by an estimate of ΔT, and read as a Beijing date (UTC+8, the time of the official Chinese
 * calendar).
 *
 * <p>A quarter of an hour matters only when a term falls close to midnight, so the dates are
 * checked against the published table of 清明 for every year of {@link #FIRST_YEAR}–{@link
 * #LAST_YEAR} ({@code StatutoryHolidaysTest}); outside that span this class refuses to answer
 * rather than give an unchecked date.
 */
final class SolarTerms {

  /** The first year whose dates are checked. */
  static final int FIRST_YEAR = 2000;

  /** The last year whose dates are checked. */
  static final int LAST_YEAR = 2100;

  /** The sun's apparent longitude at 清明. */
  static final double QINGMING = 15;

  /** Julian day of 2000-01-01 12:00 TT, the epoch of the theory. */
  private static final double J2000 = 2451545.0;

  /** Julian day of 1970-01-01 00:00 UT, epoch day 0. */
  private static final double JD_EPOCH_DAY_ZERO = 2440587.5;

  private static final double DAYS_PER_JULIAN_CENTURY = 36525;
  private static final double TROPICAL_YEAR_DAYS = 365.2422;
  private static final double BEIJING_OFFSET_DAYS = 8.0 / 24;
  private static final double SECONDS_PER_DAY = 86_400;

  private SolarTerms() {}

  /** The day, in Beijing, on which the sun's apparent longitude reaches 15° in {@code year}. */
  static LocalDate qingming(int year) {
    return dayInBeijing(year, QINGMING);
  }

  /**
   * The day, in Beijing, on which the sun's apparent longitude reaches {@code longitude} degrees (0
   * = the March equinox) in {@code year}.
   */
  static LocalDate dayInBeijing(int year, double longitude) {
    double local = momentUt(year, longitude) - JD_EPOCH_DAY_ZERO + BEIJING_OFFSET_DAYS;
    return LocalDate.ofEpochDay((long) Math.floor(local));
  }

  /** The Julian day (UT) of the moment the sun reaches {@code longitude} in {@code year}. */
  static double momentUt(int year, double longitude) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "Solar terms are computed for " + FIRST_YEAR + "–" + LAST_YEAR + " only, not " + year);
    }
    if (!(longitude >= 0 && longitude < 360)) {
      throw new IllegalArgumentException("A longitude is 0 to 360 degrees: " + longitude);
    }
    // Start from the mean sun: the March equinox is near 20 March, the sun moves ~0.9856° a day.
    double march20 = LocalDate.of(year, 3, 20).toEpochDay() + JD_EPOCH_DAY_ZERO;
    double jde = march20 + longitude / 360 * TROPICAL_YEAR_DAYS;
    for (int i = 0; i < 20; i++) {
      double step = difference(longitude, apparentLongitude(jde)) / 360 * TROPICAL_YEAR_DAYS;
      jde += step;
      if (Math.abs(step) < 1e-7) { // about 9 ms
        break;
      }
    }
    return jde - deltaTSeconds(year) / SECONDS_PER_DAY;
  }

  /**
   * The sun's apparent longitude in degrees [0, 360) at Julian ephemeris day {@code jde} (Meeus ch.
   * 25, low accuracy; Example 25.a: JDE 2448908.5 → 199.90895°).
   */
  static double apparentLongitude(double jde) {
    double t = (jde - J2000) / DAYS_PER_JULIAN_CENTURY;
    double meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double meanAnomaly = Math.toRadians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    double centre =
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
            + 0.000289 * Math.sin(3 * meanAnomaly);
    double omega = Math.toRadians(125.04 - 1934.136 * t);
    double apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega);
    return normalize(apparent);
  }

  /**
   * TT − UT in seconds, as estimated by Espenak and Meeus (NASA, "Polynomial expressions for Delta
   * T"): about a minute today, about three in 2100; the uncertainty of the future value is a minute
   * or two, small beside that of the theory above.
   */
  static double deltaTSeconds(int year) {
    double y = year + 0.5;
    if (y < 2050) {
      double t = y - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    double u = (y - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - y);
  }

  /** {@code target − actual} in degrees, in (−180, 180]. */
  private static double difference(double target, double actual) {
    double d = normalize(target - actual);
    return d > 180 ? d - 360 : d;
  }

  private static double normalize(double degrees) {
    double d = degrees % 360;
    return d < 0 ? d + 360 : d;
  }
}
