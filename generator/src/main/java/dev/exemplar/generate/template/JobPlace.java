package dev.exemplar.generate.template;

import dev.exemplar.plan.Places;

import java.util.Locale;
import java.util.Set;

/**
 * What follows a person's job where a skeleton writes "{H.job.a} at {place}" or "at {here}": the
 * place, only its town ("a maths tutor in Seoul" for "a maths tutor at a maths tutoring centre in
 * Seoul"), or nothing. A job whose words already name the place (the same word or stem: a farmhand
 * at a dairy farm, a weaver at a weaving cooperative, a court clerk at a court interpreters' office)
 * or a household, where nobody holds a job "at the house", keeps only the town (draw 14).
 */
final class JobPlace {
    /** Short words that name no place. */
    private static final Set<String> NO_PLACE = Set.of("the", "and", "for", "new", "old", "its", "our", "his", "her");

    private JobPlace() {}

    /**
     * The text after the job: {@code lead} (" at ") and the place as written, or the town with its own
     * lead-in (" outside Tralee"), or nothing. {@code setting} is the setting's full name; a place that
     * is not the full name ({@code here}: "the farm") has no town to fall back on.
     */
    static String after(String job, String lead, String place, String setting, boolean household) {
        if (!household && !namesPlace(job, place)) return lead + place;
        if (!place.equals(setting)) return "";
        String town = Places.locality(setting);
        return town == null || namesPlace(job, town) ? "" : " " + town;
    }

    /**
     * Whether a job's own words name the place: a word of three letters or more in both, or a stem
     * (four letters or more that leave at most two letters of the shorter word: farmhand and farm,
     * weaver and weaving, radiologist and radiology).
     */
    static boolean namesPlace(String job, String place) {
        if (job == null) return false;
        for (String j : words(job)) {
            for (String p : words(place)) {
                if (j.equals(p)) return true;
                int common = 0, shorter = Math.min(j.length(), p.length());
                while (common < shorter && j.charAt(common) == p.charAt(common)) common++;
                if (common >= 4 && shorter - common <= 2) return true;
            }
        }
        return false;
    }

    private static java.util.List<String> words(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z]+")) if (w.length() >= 3 && !NO_PLACE.contains(w)) out.add(w);
        return out;
    }
}
