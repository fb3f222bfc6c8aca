package dev.exemplar.generate.template;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The facts of one document that every part of it must respect, fixed before any words are
 * chosen: its date (with the true weekday), the part of the day it starts in, its start time, and
 * how long the events it describes take. Rendering reads them; nothing later changes them.
 *
 * @param date     the day the document's events happen (or its first entry)
 * @param daypart  morning, afternoon, evening or night
 * @param start    minutes after midnight at which the events start
 * @param minutes  how long the events last, in minutes (timelines stay inside it)
 */
public record World(LocalDate date, String daypart, int start, int minutes) {
    private static final String[] DAYPARTS = {"morning", "morning", "morning", "afternoon", "afternoon", "afternoon",
            "evening", "evening", "night"};
    private static final int[][] HOURS = {{7, 11}, {12, 16}, {17, 21}, {22, 24}};
    // How long a document's events take. An incident timeline, a deadline ("the portal closes in
    // {period}") and a shift all sit inside one stretch of a working day, so the longest is two and a half hours.
    private static final int[] DURATIONS = {20, 25, 30, 40, 45, 50, 60, 70, 75, 90, 105, 120, 150};

    /** Draws a world from the document's random stream. */
    static World draw(SplittableRandom rng) {
        LocalDate date = LocalDate.of(2029, 1, 1).plusDays(rng.nextInt(8 * 365));
        String daypart = DAYPARTS[rng.nextInt(DAYPARTS.length)];
        int[] h = HOURS[java.util.Arrays.asList("morning", "afternoon", "evening", "night").indexOf(daypart)];
        int start = Math.min((h[0] + rng.nextInt(h[1] - h[0])) * 60 + rng.nextInt(60), 23 * 60 + 30);
        int minutes = DURATIONS[rng.nextInt(DURATIONS.length)];
        if (start + minutes > 24 * 60 - 1) minutes = 24 * 60 - 1 - start;  // the events end the same day (29 minutes at least)
        return new World(date, daypart, start, minutes);
    }

    /**
     * This world moved, when its month is not one of {@code months}, to the same day of a month that
     * is (the nearest day a shorter month has), in the same year; the part of day and times stay.
     * A seasonal task (a grape harvest, the Christmas orders) is dated in its season.
     */
    World inMonths(java.util.Set<java.time.Month> months, SplittableRandom rng) {
        if (months.isEmpty() || months.contains(date.getMonth())) return this;
        List<java.time.Month> ok = new ArrayList<>(new java.util.TreeSet<>(months));
        java.time.Month m = ok.get(rng.nextInt(ok.size()));
        java.time.YearMonth ym = java.time.YearMonth.of(date.getYear(), m);
        return new World(ym.atDay(Math.min(date.getDayOfMonth(), ym.lengthOfMonth())), daypart, start, minutes);
    }

    /**
     * The season of the date, meteorological ({@code winter} is December to February in the north,
     * June to August in the south): a document tag, so a line that only fits one time of year
     * (cicadas, snow on boots, a bin of picked grapes) says so.
     */
    public String season(boolean south) {
        int m = (date.getMonthValue() % 12 + (south ? 6 : 0)) % 12;  // 0-2 winter, 3-5 spring, ...
        return new String[] {"winter", "spring", "summer", "autumn"}[m / 3];
    }

    public boolean weekend() {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public String weekday() { return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK); }

    public String month() { return date.getMonth().getDisplayName(TextStyle.FULL, Locale.UK); }

    /** "Tuesday 11 September 2033". */
    public String longDate() { return weekday() + " " + date.getDayOfMonth() + " " + month() + " " + date.getYear(); }

    /** "11 September 2033". */
    public String plainDate() { return date.getDayOfMonth() + " " + month() + " " + date.getYear(); }

    /** "Tue 11 Sep". */
    public String shortDate() {
        return date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + date.getDayOfMonth() + " "
                + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK);
    }

    /** The start time, "07:42". */
    public String clock() { return clock(start); }

    /** The end time, "09:17". */
    public String endClock() { return clock(start + minutes); }

    static String clock(int m) { return String.format(Locale.ROOT, "%02d:%02d", m / 60 % 24, m % 60); }

    /**
     * How long the events took, in words that agree with the clock times printed beside them:
     * "forty minutes", "an hour and ten minutes", "two and a half hours". The words are exact to
     * the minute when the length is a multiple of five minutes; otherwise they round to the
     * nearest five and say "about".
     */
    public String period() { return period(minutes); }

    static String period(int minutes) {
        if (minutes < 5) return minutes == 1 ? "one minute" : WORDS[Math.max(minutes, 0)] + " minutes";
        int r = Math.round(minutes / 5f) * 5;
        String about = r == minutes ? "" : "about ";
        if (r < 60) return about + WORDS[r] + " minutes";
        int h = r / 60, m = r % 60;
        String hours = h == 1 ? "an hour" : WORDS[h] + " hours";
        String head = h == 1 ? "an hour and a" : WORDS[h] + " and a";
        return about + switch (m) {
            case 0 -> hours;
            case 15 -> h == 1 ? head + " quarter" : head + " quarter hours";
            case 30 -> h == 1 ? head + " half" : head + " half hours";
            default -> hours + " and " + WORDS[m] + " minutes";
        };
    }

    private static final String[] WORDS = new String[61];
    static {
        String[] small = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty"};
        for (int i = 0; i <= 60; i++) WORDS[i] = i < 20 ? small[i] : tens[i / 10] + (i % 10 == 0 ? "" : "-" + small[i % 10]);
    }

    /**
     * {@code n} times in increasing order from the start to the end of the events: the first at
     * the start, the last at the end, the others front-loaded between them with some unevenness.
     * Timelines open on a trigger and close on an outcome; the steps between are answers and
     * actions that follow the trigger closely, so they come early rather than evenly spaced.
     */
    public List<String> times(int n, SplittableRandom rng) {
        List<String> out = new ArrayList<>(n);
        if (n <= 0) return out;
        int[] at = new int[n];
        at[0] = start;
        if (n > 1) at[n - 1] = start + minutes;
        for (int i = 1; i < n - 1; i++) {
            int early = start + (int) Math.round(minutes * Math.pow(i / (double) (n - 1), 1.6));
            int jitter = minutes / (n - 1) / 4;
            at[i] = early + (jitter > 0 ? rng.nextInt(2 * jitter + 1) - jitter : 0);
        }
        // Strictly increasing, with room left for every later step before the end.
        for (int i = 1; i < n - 1; i++) at[i] = Math.min(Math.max(at[i], at[i - 1] + 1), start + minutes - (n - 1 - i));
        for (int t : at) out.add(clock(t));
        return out;
    }

    /** The facts as grammar variables ({@code {weekday}}, {@code {date}}, ...). */
    void putVars(Map<String, String> vars) {
        vars.put("date", longDate());
        vars.put("date_plain", plainDate());
        vars.put("date_short", shortDate());
        vars.put("weekday", weekday());
        vars.put("month", month());
        vars.put("year", Integer.toString(date.getYear()));
        vars.put("daypart", daypart);
        vars.put("clock", clock());
        vars.put("end_clock", endClock());
        vars.put("period", period());
    }
}
