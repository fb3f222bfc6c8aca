package dev.exemplar.generate.template;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A diary's entry headings: each a date in the style of the first ("Sat 13 Jan, evening", "3 June 2036 (Tuesday)"). */
final class DiaryHeadings {
    private DiaryHeadings() {}

    /** A paragraph that is a dated heading. */
    static final Pattern DATED = Pattern.compile("(?:(?<wd>[A-Z][a-z]+),? )?(?<day>\\d{1,2}) (?<mon>[A-Z][a-z]+)(?: (?<yr>\\d{4}))?(?: \\((?<wd2>[A-Z][a-z]+)\\))?(?:, (?:evening|late))?");

    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    static boolean isHeading(String paragraph) {
        return DATED.matcher(paragraph).matches();
    }

    /** The date a heading names, in the given year when it names none; its weekday must be true to it. */
    static LocalDate date(String heading, int year) {
        Matcher m = DATED.matcher(heading);
        if (!m.matches()) throw new IllegalArgumentException("not a dated heading: " + heading);
        int month = MONTHS.indexOf(m.group("mon").substring(0, Math.min(3, m.group("mon").length()))) + 1;
        if (month == 0) throw new IllegalArgumentException("no month in: " + heading);
        LocalDate date = LocalDate.of(m.group("yr") == null ? year : Integer.parseInt(m.group("yr")), month, Integer.parseInt(m.group("day")));
        String wd = m.group("wd") != null ? m.group("wd") : m.group("wd2");
        if (wd == null || !date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK).regionMatches(true, 0, wd, 0, 3))
            throw new IllegalArgumentException("weekday does not match its date: " + heading);
        return date;
    }

    /** Days from the first heading to a later one (a heading without a year takes the first year its weekday fits). */
    static long daysAfter(String first, String later) {
        LocalDate d0 = null;
        for (int yr = 2029; yr < 2045 && d0 == null; yr++) {
            try { d0 = date(first, yr); } catch (IllegalArgumentException e) { if (yr == 2044) throw e; }
        }
        LocalDate d;
        try { d = date(later, d0.getYear()); } catch (IllegalArgumentException e) { d = date(later, d0.getYear() + 1); }
        return ChronoUnit.DAYS.between(d0, d);
    }
}
