package dev.exemplar.generate.template;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document world's words for a length of time agree with the clock times they are printed with. */
class WorldTest {
    private static final List<String> NUMBERS = List.of("no", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty");
    private static final Pattern PERIOD = Pattern.compile("(about )?(?:(an|[a-z-]+) hours?(?: and ([a-z-]+) minutes)?"
            + "|an hour and a (quarter|half)|([a-z-]+) and a (quarter|half) hours|([a-z-]+) minutes?)");

    /** A number written in words, "twenty-five", as a number; -1 when it is not one. */
    static int number(String w) {
        if (w.equals("an")) return 1;
        int i = NUMBERS.indexOf(w);
        if (i >= 0) return i;
        String[] p = w.split("-");
        int t = TENS.indexOf(p[0]);
        if (t < 2) return -1;
        return t * 10 + (p.length == 2 ? NUMBERS.indexOf(p[1]) : 0);
    }

    /** The minutes a period in words stands for ("an hour and ten minutes": 70), and whether it said "about". */
    static int[] minutes(String words) {
        Matcher m = PERIOD.matcher(words);
        if (!m.matches()) throw new AssertionError("not a period in words: \"" + words + "\"");
        int about = m.group(1) == null ? 0 : 1;
        int total;
        if (m.group(2) != null) total = number(m.group(2)) * 60 + (m.group(3) == null ? 0 : number(m.group(3)));
        else if (m.group(4) != null) total = 60 + fraction(m.group(4));
        else if (m.group(5) != null) total = number(m.group(5)) * 60 + fraction(m.group(6));
        else total = number(m.group(7));
        return new int[] {total, about};
    }

    private static int fraction(String f) { return f.equals("half") ? 30 : 15; }

    @Test
    void periodWordsMatchEveryLengthToTheMinuteOrSayAbout() {
        for (int len = 1; len < 24 * 60; len++) {
            String words = World.period(len);
            int[] said = minutes(words);
            assertTrue(Math.abs(said[0] - len) <= 2, len + " minutes written as \"" + words + "\"");
            assertEquals(said[0] == len ? 0 : 1, said[1], len + " minutes written as \"" + words + "\": 'about' only when rounded");
        }
        // The case readers found: 14:31 to 18:51 is four hours and twenty minutes, not "about four and a half hours".
        assertEquals("four hours and twenty minutes", World.period(260));
        assertEquals("an hour and a half", World.period(90));
        assertEquals("about forty minutes", World.period(39));
    }

    @Test
    void drawnWindowsFitADayAndTheirTimelinesStayInsideThem() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            World w = World.draw(rng);
            assertTrue(w.minutes() >= 5 && w.minutes() <= 150, "window of " + w.minutes() + " minutes");
            for (int n = 1; n <= 7; n++) {
                List<String> t = w.times(n, rng);
                assertEquals(n, t.size());
                assertEquals(w.clock(), t.get(0));
                if (n > 1) assertEquals(w.endClock(), t.get(n - 1));
                for (int k = 1; k < n; k++) assertTrue(t.get(k).compareTo(t.get(k - 1)) > 0, "times go forward: " + t);
            }
        }
        World w = new World(LocalDate.of(2031, 3, 14), "afternoon", 14 * 60 + 31, 260);
        assertEquals("14:31 to 18:51 (four hours and twenty minutes)",
                String.format(Locale.ROOT, "%s to %s (%s)", w.clock(), w.endClock(), w.period()));
    }
}
