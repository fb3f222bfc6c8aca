package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.NodeReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Whose names the people of a setting carry: the {@code places} bank maps a place (the end of a
 * setting's name, "a call-out locksmith in Naples" → "Naples", see {@link #place}) to the name
 * cultures of {@code given_names}, and a person at that setting has a local name with probability
 * {@link #LOCAL_SHARE} (a culture of the place, then a given name of it), else a name from
 * anywhere, since cities are mixed and a consultant or a reporter can come from elsewhere.
 *
 * <p>A project with no {@code places} bank draws every name from anywhere. With one, every
 * setting's place must be in it and every culture it names must have given names ({@link #check}).
 */
public final class Places {
    /** Share of people whose names are drawn from their setting's place. */
    public static final double LOCAL_SHARE = 0.8;
    /** Words that lead into the place in a setting's name; the last one in the name wins. */
    static final List<String> LEAD_INS = List.of(" in ", " near ", " on ", " outside ");

    private final Map<String, List<String>> cultures = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> givenByCulture = new LinkedHashMap<>();
    private final List<JsonNode> given;
    /** Places in the southern hemisphere ({@code south: true}), where the seasons are turned half a year. */
    private final java.util.Set<String> south = new java.util.HashSet<>();

    /** The mapping of a {@code places} bank (null or empty: no mapping) over {@code given_names}. */
    public Places(List<JsonNode> places, List<JsonNode> given) {
        this.given = List.copyOf(given);
        for (JsonNode g : given) givenByCulture.computeIfAbsent(g.path("culture").asText(""), k -> new ArrayList<>()).add(g);
        if (places != null) {
            for (JsonNode p : places) {
                List<String> cs = new ArrayList<>();
                p.path("cultures").forEach(c -> { if (givenByCulture.containsKey(c.asText())) cs.add(c.asText()); });
                cultures.putIfAbsent(p.path("place").asText(), List.copyOf(cs));
                if (p.path("south").asBoolean(false)) south.add(p.path("place").asText());
            }
        }
    }

    /**
     * The place a setting's name names: the text after its last lead-in word (in, near, on,
     * outside) without a leading "the", or the whole name when it has none ("an orbital research station").
     */
    public static String place(String setting) {
        int at = -1, len = 0;
        for (String w : LEAD_INS) {
            int i = setting.lastIndexOf(w);
            if (i > at) { at = i; len = w.length(); }
        }
        String p = at < 0 ? setting : setting.substring(at + len);
        return p.startsWith("the ") ? p.substring(4) : p;
    }

    /**
     * Where a setting is, with its lead-in word ("outside Tralee", "in the Barossa Valley"), or null
     * when its name has none ("an orbital research station").
     */
    public static String locality(String setting) {
        int at = -1;
        for (String w : LEAD_INS) at = Math.max(at, setting.lastIndexOf(w));
        return at < 0 ? null : setting.substring(at + 1);
    }

    /** The name cultures of a setting's place; empty when it has none (names from anywhere). */
    public List<String> cultures(String setting) {
        return cultures.getOrDefault(place(setting), List.of());
    }

    /** True when the setting's place is in the southern hemisphere ({@code south: true} in the bank). */
    public boolean south(String setting) {
        return south.contains(place(setting));
    }

    /**
     * A given-name row for a person at {@code setting}: one draw decides local or not, a local one
     * then draws a culture of the place and a given name of that culture; else any given name.
     */
    public JsonNode given(SplittableRandom rng, String setting) {
        boolean local = rng.nextDouble() < LOCAL_SHARE;
        List<String> cs = cultures(setting);
        if (local && !cs.isEmpty()) {
            List<JsonNode> names = givenByCulture.get(cs.get(rng.nextInt(cs.size())));
            return names.get(rng.nextInt(names.size()));
        }
        return given.get(rng.nextInt(given.size()));
    }

    /**
     * Problems of the {@code places} bank (none when the project has none): a place with no
     * cultures, a culture no given name has, a place listed twice, and a setting whose place is
     * not listed, each with its file and line and the nearest known name.
     */
    static List<ConfigProblem> check(AttributeBanks banks) {
        List<ConfigProblem> out = new ArrayList<>();
        if (!banks.lists().containsKey("places")) return out;
        TreeSet<String> known = new TreeSet<>();
        banks.lists().getOrDefault("given_names", List.of()).forEach(g -> known.add(g.path("culture").asText("")));
        Path placesFile = banks.files().get("places");
        LocatedYaml py = LocatedYaml.read(placesFile);
        Path shown = banks.shownFile("places");
        TreeSet<String> places = new TreeSet<>();
        List<JsonNode> rows = banks.list("places");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String ptr = "/places/" + i;
            String place = row.path("place").asText("");
            if (!row.isObject() || place.isBlank()) {
                out.add(new ConfigProblem(placesFile, py.line(ptr), "places." + i,
                        "each place is {place: <the end of a setting's name>, cultures: [<culture of given_names>, ...]}"));
                continue;
            }
            if (!places.add(place)) {
                out.add(new ConfigProblem(placesFile, py.line(ptr + "/place"), "places." + i + ".place",
                        "place \"" + place + "\" is listed twice in " + shown + "; keep one row"));
            }
            if (!row.path("south").isMissingNode() && !row.path("south").isBoolean()) {
                out.add(new ConfigProblem(placesFile, py.line(ptr + "/south"), "places." + i + ".south",
                        "south is true (the place is in the southern hemisphere, so its seasons are turned half a year) or false"));
            }
            JsonNode cs = row.path("cultures");
            if (!cs.isArray() || cs.isEmpty()) {
                out.add(new ConfigProblem(placesFile, py.line(ptr), "places." + i + ".cultures",
                        "place \"" + place + "\" has no cultures; give it cultures: [...] from the culture keys of given_names"));
                continue;
            }
            for (int k = 0; k < cs.size(); k++) {
                String c = cs.get(k).asText();
                if (known.contains(c)) continue;
                out.add(new ConfigProblem(placesFile, py.line(ptr + "/cultures/" + k), "places." + i + ".cultures",
                        "\"" + c + "\" is not a culture of given_names" + NodeReader.suggest(c, known)
                                + "; use a culture key of given_names, or add that culture's given and family names"));
            }
        }
        Path settingsFile = banks.files().get("settings");
        List<JsonNode> settings = banks.lists().getOrDefault("settings", List.of());
        LocatedYaml sy = null;
        for (int i = 0; i < settings.size(); i++) {
            String name = settings.get(i).path("name").asText("");
            String place = place(name);
            if (places.contains(place)) continue;
            if (sy == null) sy = LocatedYaml.read(settingsFile);
            out.add(new ConfigProblem(settingsFile, sy.line("/settings/" + i + "/name"), "settings." + i + ".name",
                    "the place of \"" + name + "\" is \"" + place + "\", which is not in " + shown + NodeReader.suggest(place, places)
                            + "; add {place: " + place + ", cultures: [...]} there so its people carry names of the place"));
        }
        return out;
    }
}
