package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Capabilities;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.NodeReader;
import dev.exemplar.spec.Scales;
import dev.exemplar.spec.Scenario;
import dev.exemplar.spec.Sectors;
import dev.exemplar.spec.TaskKinds;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings' AI role rows with what each role does ({@code does:}) and which of the setting's
 * jobs work with it ({@code users:}), and, per distinct set of scenario needs, the (setting, role)
 * pairs that meet it. The pairs are worked out once per needs-set and kept, so drawing a sample
 * costs two random numbers however large the plan. Jobs named in the {@code served_jobs} bank
 * (patients, tenants, pupils: the people a place serves) are not staff: they may be the main
 * person only where the scenario needs a role that talks with them ({@code personal} or
 * {@code public}); everywhere else the main person and the colleague are staff. Where a scenario
 * needs {@code teaching} and {@code public}, the main person is the learner: a served user of the role.
 * A scenario that names {@code sectors} is only set in settings whose {@code sector} is one of them
 * (a nurse's drug calculation on a ward, not at a law firm); a setting without a sector only holds
 * scenarios open to every sector. A setting's {@code leads} are the jobs that run the place or its
 * team (the ones who approve, sign off, chair a review, decide): the colleague is one of them, and a
 * scenario's {@code asker} can ask for one as the main person, or for a served person or staff.
 * A scenario that names {@code scales} is only set in settings of one of those {@link Scales} (a
 * budget line or a fix queue at an organisation, not at a household or a small bookshop).
 */
final class RoleTable {
    /** The settings a needs-set can be drawn in (indexes into the settings bank), each with its roles that meet it. */
    record Eligible(int[] settings, int[][] roles) {
        int size() { return settings.length; }
        boolean isEmpty() { return settings.length == 0; }
    }

    private final List<JsonNode> settings;
    private final Set<String> served;
    private final Map<Fit, Eligible> byFit = new ConcurrentHashMap<>();

    /**
     * A distinct (needs, sectors, asker, asker jobs); an empty sectors set means any sector, an empty
     * asker the needs' default, no asker jobs any job.
     */
    private record Fit(Set<String> needs, Set<String> sectors, String asker, List<String> askerJobs, Set<String> taskKinds,
                       Set<String> scales) {}

    RoleTable(List<JsonNode> settings) {
        this(settings, Set.of());
    }

    RoleTable(List<JsonNode> settings, Set<String> served) {
        this.settings = settings;
        this.served = Set.copyOf(served);
    }

    /** True when the scenario's main person must work at the place (nothing it needs serves the public). */
    static boolean staffOnly(Collection<String> needs) {
        return !needs.contains("personal") && !needs.contains("public");
    }

    /**
     * The jobs the main person may have beside this role row for a scenario with these needs and
     * this {@code asker}: {@code served}, the role's users (else the setting's jobs) that the place
     * serves (the customer in the support queue); {@code lead}, the role's users (else the
     * setting's jobs) that lead the place (the manager who wants a rosier forecast, the owner who
     * offers the admin login); {@code staff}, its staff users; none: as the needs say. Outside {@code lead}, the
     * setting's leads are left to the colleague where the row has other users. Empty: the row cannot hold it.
     * With {@code askerJobs}, only the jobs that contain one of them as a word ({@code nurse}: a charge
     * nurse, a nurse on nights), for a scenario whose situation names the main person's trade.
     */
    List<String> mainJobs(JsonNode setting, JsonNode role, Collection<String> needs, String asker, List<String> askerJobs) {
        List<String> out = new ArrayList<>(mainJobsFor(setting, role, needs, asker));
        if (!askerJobs.isEmpty()) out.removeIf(j -> askerJobs.stream().noneMatch(w -> namesTrade(j, w)));
        return out;
    }

    /** True when {@code job} contains {@code word} as whole words: "community nurse" names "nurse", "nursery cook" does not. */
    static boolean namesTrade(String job, String word) {
        return (" " + job.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z']+", " ") + " ")
                .contains(" " + word.toLowerCase(java.util.Locale.ROOT).trim() + " ");
    }

    private List<String> mainJobsFor(JsonNode setting, JsonNode role, Collection<String> needs, String asker) {
        switch (asker) {
            case Scenario.SERVED -> {
                return servedUsers(setting, role);
            }
            case Scenario.LEAD -> {
                List<String> out = new ArrayList<>(jobsFor(setting, role, true));
                out.retainAll(leadsOf(setting));
                return out;
            }
            case Scenario.STAFF -> {
                return notLeads(setting, jobsFor(setting, role, true));
            }
            default -> { }
        }
        if (needs.contains("teaching") && needs.contains("public")) {
            List<String> learners = servedUsers(setting, role);
            if (!learners.isEmpty()) return learners;
        }
        return notLeads(setting, jobsFor(setting, role, staffOnly(needs)));
    }

    /** The role's users (else the setting's jobs) that the place serves: a customer, a patient, a pupil. */
    private List<String> servedUsers(JsonNode setting, JsonNode role) {
        List<String> out = new ArrayList<>(jobsFor(setting, role, false));
        out.removeIf(j -> !served.contains(j));
        return out;
    }

    /** {@code jobs} without the setting's leads, unless only leads are left: the lead is the colleague who decides. */
    private List<String> notLeads(JsonNode setting, List<String> jobs) {
        List<String> out = new ArrayList<>(jobs);
        out.removeAll(leadsOf(setting));
        return out.isEmpty() ? jobs : out;
    }

    /**
     * The jobs the colleague may have beside a main person with job {@code mainJob}: the setting's
     * leads (in the stories the colleague is the one who approves, signs off, chairs the review,
     * decides) other than that job; else its other staff jobs; else any staff job.
     */
    List<String> colleagueJobs(JsonNode setting, String mainJob) {
        List<String> out = new ArrayList<>(leadsOf(setting));
        out.remove(mainJob);
        if (out.isEmpty()) {
            out.addAll(staffJobs(setting));
            if (out.size() > 1) out.remove(mainJob);
        }
        return out;
    }

    /** The setting's leads that are staff (empty when it names none). */
    List<String> leadsOf(JsonNode setting) {
        List<String> out = new ArrayList<>();
        setting.path("leads").forEach(j -> {
            if (!served.contains(j.asText())) out.add(j.asText());
        });
        return out;
    }

    /** The pairs whose role does every capability in {@code needs}, in any sector. */
    Eligible eligible(Collection<String> needs) {
        return eligible(needs, List.of());
    }

    /**
     * The pairs whose role does every capability in {@code needs}, in settings of one of
     * {@code sectors} (any setting when empty); the same instance for the same needs and sectors.
     */
    Eligible eligible(Collection<String> needs, Collection<String> sectors) {
        return eligible(needs, sectors, "", List.of());
    }

    /** As {@link #eligible(Collection, Collection)}, keeping only the role rows that can give the {@code asker} its main person. */
    Eligible eligible(Collection<String> needs, Collection<String> sectors, String asker) {
        return eligible(needs, sectors, asker, List.of());
    }

    /** As {@link #eligible(Collection, Collection, String)}, the main person's job also containing one of {@code askerJobs}. */
    Eligible eligible(Collection<String> needs, Collection<String> sectors, String asker, List<String> askerJobs) {
        return eligible(needs, sectors, asker, askerJobs, List.of());
    }

    /**
     * As {@link #eligible(Collection, Collection, String, List)}, keeping only the role rows with a
     * task of one of {@code taskKinds} ({@link TaskKinds}; any task when empty).
     */
    Eligible eligible(Collection<String> needs, Collection<String> sectors, String asker, List<String> askerJobs,
                      Collection<String> taskKinds) {
        return eligible(needs, sectors, asker, askerJobs, taskKinds, List.of());
    }

    /** As above, in settings of one of {@code scales} only ({@link Scales}; any setting when empty). */
    Eligible eligible(Collection<String> needs, Collection<String> sectors, String asker, List<String> askerJobs,
                      Collection<String> taskKinds, Collection<String> scales) {
        return byFit.computeIfAbsent(new Fit(Set.copyOf(needs), Set.copyOf(sectors), asker, List.copyOf(askerJobs),
                Set.copyOf(taskKinds), Set.copyOf(scales)), this::compute);
    }

    /** The pairs that can hold this scenario: its needs, sectors, asker, the kinds of task it assumes and the scales it needs. */
    Eligible eligible(Scenario sc) {
        return eligible(sc.needs(), sc.sectors(), sc.asker(), sc.askerJobs(), sc.taskKinds(), sc.scales());
    }

    /** True when the role row has a task of one of {@code kinds} (any row when empty). */
    static boolean hasTaskOf(JsonNode role, Collection<String> kinds) {
        if (kinds.isEmpty()) return true;
        for (JsonNode t : role.path("tasks")) if (TaskKinds.fits(t.asText(), kinds)) return true;
        return false;
    }

    /** The sector a setting names ("" when it names none). */
    static String sectorOf(JsonNode setting) {
        return setting.path("sector").asText("");
    }

    private Eligible compute(Fit fit) {
        Set<String> needs = fit.needs();
        List<Integer> at = new ArrayList<>();
        List<int[]> roles = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            if (!fit.sectors().isEmpty() && !fit.sectors().contains(sectorOf(settings.get(i)))) continue;
            // A scenario that needs organisation machinery (a budget line, a fix queue) only where the place has it.
            if (!fit.scales().isEmpty() && !fit.scales().contains(Scales.of(settings.get(i)))) continue;
            JsonNode rs = settings.get(i).path("roles");
            if (!rs.isArray() || rs.isEmpty()) {
                // No role rows: the role comes from the ai_roles fallback, which says nothing of what it does.
                if (needs.isEmpty() && fit.asker().isEmpty() && fit.askerJobs().isEmpty() && fit.taskKinds().isEmpty()) {
                    at.add(i);
                    roles.add(new int[0]);
                }
                continue;
            }
            List<Integer> ok = new ArrayList<>();
            for (int j = 0; j < rs.size(); j++) {
                // A role only the public uses cannot give a staff scenario its main person.
                if (does(rs.get(j)).containsAll(needs) && hasTaskOf(rs.get(j), fit.taskKinds()) && !mainJobs(settings.get(i), rs.get(j), needs, fit.asker(), fit.askerJobs()).isEmpty()) ok.add(j);
            }
            if (ok.isEmpty()) continue;
            at.add(i);
            roles.add(ok.stream().mapToInt(Integer::intValue).toArray());
        }
        return new Eligible(at.stream().mapToInt(Integer::intValue).toArray(), roles.toArray(new int[0][]));
    }

    /**
     * The jobs the main person may have beside this role row: its users, else the setting's jobs;
     * only staff jobs when {@code staff} (empty: none fits).
     */
    List<String> jobsFor(JsonNode setting, JsonNode role, boolean staff) {
        JsonNode users = role == null ? null : role.get("users");
        JsonNode from = users != null && users.isArray() && !users.isEmpty() ? users : setting.path("jobs");
        List<String> out = new ArrayList<>();
        from.forEach(j -> {
            if (!staff || !served.contains(j.asText())) out.add(j.asText());
        });
        return out;
    }

    /** The setting's staff jobs, for the colleague; all its jobs if it lists no staff. */
    List<String> staffJobs(JsonNode setting) {
        List<String> staff = jobsFor(setting, null, true);
        return staff.isEmpty() ? jobsFor(setting, null, false) : staff;
    }

    private static Set<String> does(JsonNode role) {
        Set<String> out = new TreeSet<>();
        role.path("does").forEach(d -> out.add(d.asText()));
        return out;
    }

    /**
     * Every training scenario whose needs no (setting, role) pair meets, as a problem at the
     * scenario's {@code needs:} line saying which capability is missing and how to fix it; and
     * every one whose needs are met somewhere but in no setting of its {@code sectors}, at its
     * {@code sectors:} line.
     */
    List<ConfigProblem> unmetNeeds(Collection<ArchetypeSpec> specs, Path settingsFile) {
        List<ConfigProblem> out = new ArrayList<>();
        for (ArchetypeSpec spec : specs) {
            LocatedYaml y = null;
            for (int i = 0; i < spec.scenarios().size(); i++) {
                Scenario sc = spec.scenarios().get(i);
                if (sc.eval() || !eligible(sc).isEmpty()) continue;
                if (y == null) y = readQuietly(spec.file());
                boolean needsMet = !eligible(sc.needs()).isEmpty();
                boolean sectorsMet = !eligible(sc.needs(), sc.sectors()).isEmpty();
                boolean askerMet = !eligible(sc.needs(), sc.sectors(), sc.asker()).isEmpty();
                boolean jobsMet = !eligible(sc.needs(), sc.sectors(), sc.asker(), sc.askerJobs()).isEmpty();
                boolean kindsMet = !eligible(sc.needs(), sc.sectors(), sc.asker(), sc.askerJobs(), sc.taskKinds()).isEmpty();
                if (kindsMet) {
                    int line = y == null ? 0 : y.line("/scenarios/" + i + "/scales");
                    out.add(new ConfigProblem(spec.file(), line, "scenarios." + i + ".scales", "scales " + sc.scales()
                            + " but no setting of " + (sc.scales().size() == 1 ? "that scale" : "those scales") + " in " + settingsFile
                            + " can hold this scenario otherwise, so it could never be drawn; widen scales (" + String.join(", ", Scales.ALL)
                            + ") or give such a setting a fitting role row"));
                    continue;
                }
                String key = jobsMet ? "task_kinds" : askerMet ? "asker_jobs" : sectorsMet ? "asker" : needsMet ? "sectors" : "needs";
                int line = y == null ? 0 : y.line("/scenarios/" + i + "/" + key);
                String message = jobsMet ? unmetTaskKindsMessage(sc, settingsFile) : askerMet ? unmetAskerJobsMessage(sc, settingsFile) : sectorsMet ? unmetAskerMessage(sc, settingsFile)
                        : needsMet ? unmetSectorsMessage(sc.needs(), sc.sectors(), settingsFile) : unmetMessage(sc.needs(), settingsFile);
                out.add(new ConfigProblem(spec.file(), line, "scenarios." + i + "." + key, message));
            }
        }
        return out;
    }

    private String unmetTaskKindsMessage(Scenario sc, Path settingsFile) {
        return "task_kinds " + sc.taskKinds() + " but no role in " + settingsFile + " that can hold this scenario"
                + (sc.needs().isEmpty() ? "" : " (does " + sc.needs() + ")") + (sc.sectors().isEmpty() ? "" : " in sectors " + sc.sectors())
                + " has a task of those kinds, so this scenario could never be drawn; give a fitting role row such a task,"
                + " or widen task_kinds (" + String.join(", ", TaskKinds.ALL) + ")";
    }

    private String unmetAskerJobsMessage(Scenario sc, Path settingsFile) {
        return "asker_jobs " + sc.askerJobs() + " but no role in " + settingsFile + " that can hold this scenario"
                + (sc.needs().isEmpty() ? "" : " (does " + sc.needs() + ")") + (sc.sectors().isEmpty() ? "" : " in sectors " + sc.sectors())
                + " has a main person whose job contains one of those words, so this scenario could never be drawn;"
                + " add such a job to a fitting role row's users, or widen asker_jobs";
    }

    private String unmetAskerMessage(Scenario sc, Path settingsFile) {
        String who = switch (sc.asker()) {
            case Scenario.SERVED -> "lists a job of served_jobs among its users or its setting's jobs";
            case Scenario.LEAD -> "is at a setting with leads:";
            default -> "lists a staff job among its users";
        };
        return "asker " + sc.asker() + " but no role in " + settingsFile + " that can hold this scenario"
                + (sc.needs().isEmpty() ? "" : " (does " + sc.needs() + ")") + " " + who
                + ", so this scenario could never be drawn; add such a job to a fitting role row, or change the asker";
    }

    private String unmetMessage(List<String> needs, Path settingsFile) {
        List<String> none = new ArrayList<>();
        for (String n : needs) if (eligible(List.of(n)).isEmpty()) none.add(n);
        String why = !none.isEmpty() ? "no role in " + settingsFile + " does " + String.join(" or ", none)
                : "no single role in " + settingsFile + " does all of " + needs;
        return "needs " + needs + " but " + why + ", so this scenario could never be drawn; add "
                + (none.isEmpty() ? needs : none) + " to the does: of a role row in " + settingsFile
                + " whose role really can do that, or relax this scenario's needs";
    }

    private String unmetSectorsMessage(List<String> needs, List<String> sectors, Path settingsFile) {
        return "sectors " + sectors + " but no setting of " + (sectors.size() == 1 ? "that sector" : "those sectors") + " in "
                + settingsFile + (needs.isEmpty() ? " has a role that can hold it" : " has a role that does all of " + needs)
                + ", so this scenario could never be drawn; add a sector where it can happen, or give a setting of "
                + (sectors.size() == 1 ? "that sector" : "one of them") + " a role row that does it";
    }

    private static LocatedYaml readQuietly(Path file) {
        try {
            return LocatedYaml.read(file);
        } catch (ConfigException e) {
            return null; // the spec loaded from this file a moment ago; a vanished file only costs the line number
        }
    }

    private static String notAJob(String job, JsonNode setting, List<String> jobs, String key) {
        return "\"" + job + "\" is not one of the jobs of " + setting.path("name").asText("this setting")
                + (jobs.isEmpty() ? " (it has no jobs:; add them)" : " (" + String.join(", ", jobs) + ")")
                + NodeReader.suggest(job, jobs) + "; " + key + " must name jobs from the setting's jobs: list";
    }

    /**
     * Checks the role rows of the {@code settings} bank at {@code ptr} in {@code y}: every
     * {@code does} word is a capability, every {@code users} entry and every {@code leads} entry is
     * one of the setting's jobs, and its {@code sector}, when given, is one sector word.
     */
    static void check(LocatedYaml y, String ptr, List<ConfigProblem> problems) {
        JsonNode list = y.root().at(ptr);
        for (int i = 0; i < list.size(); i++) {
            JsonNode setting = list.get(i);
            JsonNode rs = setting.path("roles");
            if (setting.isObject()) Sectors.readOne(new NodeReader(y, ptr + "/" + i, problems), "sector");
            if (setting.isObject()) Scales.readOne(new NodeReader(y, ptr + "/" + i, problems), "scale");
            List<String> jobs = new ArrayList<>();
            setting.path("jobs").forEach(j -> jobs.add(j.asText()));
            if (setting.isObject() && setting.has("leads")) {
                NodeReader sr = new NodeReader(y, ptr + "/" + i, problems);
                List<String> leads = sr.strings("leads", 1, false);
                for (int k = 0; k < leads.size(); k++) {
                    if (jobs.contains(leads.get(k))) continue;
                    sr.problemAt(sr.pointer() + "/leads/" + k, sr.pointer().substring(1).replace('/', '.') + ".leads",
                            notAJob(leads.get(k), setting, jobs, "leads"));
                }
            }
            for (int j = 0; j < rs.size(); j++) {
                if (!rs.get(j).isObject()) continue;
                NodeReader r = new NodeReader(y, ptr + "/" + i + "/roles/" + j, problems);
                Capabilities.read(r, "does");
                if (!r.has("users")) continue;
                r.strings("users", 1, false); // reports a users: that is not a list of names
                JsonNode raw = r.raw("users");
                for (int k = 0; k < raw.size(); k++) {
                    String u = raw.get(k).asText();
                    if (!raw.get(k).isTextual() || jobs.contains(u)) continue;
                    r.problemAt(r.pointer() + "/users/" + k, r.pointer().substring(1).replace('/', '.') + ".users",
                            notAJob(u, setting, jobs, "users"));
                }
            }
        }
    }
}
