package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job followed by "at the" (or "in the") a place its own words already name ("a mill owner at
 * the mill", "a campsite warden at the campsite": draw 11): the place said twice. Shared by the
 * tests of every format that introduces someone by their job.
 */
final class PlaceTwice {
    private PlaceTwice() {}

    /** Each place of {@code text} where {@code job} is followed by "at the" or "in the" a place that shares a word of four letters or more with it. */
    static List<String> in(String text, String job) {
        List<String> out = new ArrayList<>();
        if (job == null || job.isBlank()) return out;
        String low = job.toLowerCase(Locale.ROOT);
        Set<String> jw = new HashSet<>();
        for (String w : low.split("[^a-z]+")) if (w.length() >= 4) jw.add(w);
        Matcher m = Pattern.compile("(?i)\\b" + Pattern.quote(low) + " (?:at|in) the ([a-z' -]+)").matcher(text);
        while (m.find()) {
            for (String w : m.group(1).toLowerCase(Locale.ROOT).split("[^a-z]+")) if (jw.contains(w)) { out.add(m.group()); break; }
        }
        return out;
    }
}
