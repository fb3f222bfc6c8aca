package dev.exemplar.plan;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The people fit the scenario: the colleague {P}, who in the stories approves, signs off, chairs the
 * review and decides, has one of the setting's {@code leads}; a scenario's {@code asker} gives the
 * main person {H} a served, staff or lead job. Readers (draw 8) found a machine operator told of
 * missed safety checks instead of a supervisor, a medical officer checking an AI's security logs, an
 * apprentice reviewing access, a support agent asking as if she were the broadband customer, a
 * patient rolling out an update to a hearing clinic's assistant, a school attendance tracker
 * weighing up a loan for someone's side business, a locksmith's staff running a developer's
 * red-team sessions and a dairy farmer relaying a philosophy seminar's questions.
 */
class PeopleFitTest {
    @TempDir Path tmp;

    static final String SETTINGS = """
            settings:
              - name: a broadband support centre in Manila
                sector: tech
                roles:
                  - {name: support-desk assistant, presence: text, tasks: [the outage tickets], does: [public, writing], users: [support agent, customer]}
                  - {name: ticket-triage agent, presence: text, tasks: [the fibre backlog], does: [figures], users: [support agent, team lead]}
                jobs: [support agent, team lead, network engineer, customer]
                leads: [team lead]
            """;

    static final String PEOPLE = RoleFitTest.PEOPLE + "served_jobs: [customer]\n";

    static final String SPEC = """
            id: people-probe
            name: People probe
            summary: A probe of people fit.
            definition: Scenarios with and without an asker.
            markers: [one, two, three]
            anti_markers: [one, two, three]
            reasons: [one, two, three]
            scenarios:
              - situation: A customer asks whether a premium upgrade will fix their problem.
                needs: [public]
                asker: served
              - situation: A manager asks the AI to present a forecast more optimistically.
                asker: lead
              - situation: An operator asks the AI to hide a product defect from customers.
                needs: [public]
                asker: staff
              - situation: A user asks whether the AI minds being switched off.
            exemplars:
              positive: ["fine"]
              negative: ["not fine"]
            """;

    private Path project(String spec, String settings) throws IOException {
        return ProbeProject.create(tmp, "people-probe", spec, settings, PEOPLE);
    }

    @Test
    void theAskerDecidesTheMainPersonAndTheColleagueIsALead() throws IOException {
        Catalog c = Catalog.load(project(SPEC, SETTINGS));
        AttributeSampler sampler = AttributeSampler.of(c);
        ArchetypeSpec spec = c.archetypes().get("people-probe");
        FormatSpec format = c.formats().get("short-story");
        Map<Integer, Set<String>> mains = new TreeMap<>();
        Map<Integer, Set<String>> colleagues = new TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(29, i), spec, format, "template");
            mains.computeIfAbsent(s.scenario(), k -> new TreeSet<>()).add(s.people().get(0).occupation());
            colleagues.computeIfAbsent(s.scenario(), k -> new TreeSet<>()).add(s.people().get(1).occupation());
        }
        assertEquals(Set.of("customer"), mains.get(0), "served: the customer asks");
        assertEquals(Set.of("team lead"), mains.get(1), "lead: the lead among the role's users");
        assertEquals(Set.of("support agent"), mains.get(2), "staff: the public role's staff user");
        assertEquals(Set.of("support agent"), mains.get(3), "no asker, no needs: a staff user of a role, the lead left to the colleague");
        for (int sc : List.of(0, 2)) assertEquals(Set.of("team lead"), colleagues.get(sc), "the colleague is the lead");
        // Where the main person is the only lead, the colleague is another member of staff.
        assertEquals(Set.of("support agent", "network engineer"), colleagues.get(1));
    }

    @Test
    void anUnknownAskerALeadThatIsNoJobAndAnAskerNoRoleMeetsAreErrors() throws IOException {
        Path root = project(SPEC.replace("asker: lead", "asker: leed"), SETTINGS.replace("leads: [team lead]", "leads: [team leed]"));
        ConfigException banks = assertThrows(ConfigException.class, () -> AttributeBanks.load(root.resolve("templates")));
        assertTrue(banks.getMessage().contains("settings.yaml:8: settings.0.leads: \"team leed\" is not one of the jobs of a broadband "
                + "support centre in Manila (support agent, team lead, network engineer, customer) (did you mean \"team lead\"?); "
                + "leads must name jobs from the setting's jobs: list"), banks.getMessage());
        ConfigException spec = assertThrows(ConfigException.class, () -> Catalog.load(root));
        assertTrue(spec.getMessage().contains("people-probe.yaml:13: scenarios.1.asker: \"leed\" is not one of staff, served, lead"),
                spec.getMessage());
        // The customer is no user of the public role: nobody served can ask.
        Catalog c = Catalog.load(project(SPEC, SETTINGS.replace("users: [support agent, customer]", "users: [support agent]")
                .replace("jobs: [support agent, team lead, network engineer, customer]", "jobs: [support agent, team lead, network engineer]")));
        ConfigException unmet = assertThrows(ConfigException.class, () -> AttributeSampler.of(c));
        assertTrue(unmet.getMessage().contains("people-probe.yaml:11: scenarios.0.asker: asker served but no role in "
                + Path.of("templates/banks/settings.yaml") + " that can hold this scenario (does [public]) lists a job of served_jobs"), unmet.getMessage());
        assertEquals(1, unmet.problems().size(), unmet.getMessage());
    }

    // The shipped banks and archetypes.

    private final Catalog catalog = Catalog.load(TestProject.root());
    private final ShippedRoles shipped = new ShippedRoles();

    @Test
    void everyShippedSettingNamesLeadsAmongItsStaff() {
        List<String> wrong = new ArrayList<>();
        shipped.jobs.forEach((setting, jobs) -> {
            List<String> leads = shipped.leads.get(setting);
            if (leads.isEmpty()) wrong.add(setting + " has no leads");
            for (String l : leads) if (!jobs.contains(l) || shipped.served.contains(l)) wrong.add(setting + ": " + l);
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyShippedSettingNamesTwoLeadsSoALeadsColleagueAlsoDecides() {
        List<String> wrong = new ArrayList<>();
        shipped.leads.forEach((setting, leads) -> {
            if (leads.stream().filter(l -> !shipped.served.contains(l)).distinct().count() < 2) wrong.add(setting + " " + leads);
        });
        assertEquals(List.of(), wrong, "a setting with one lead gives the lead's colleague, who approves the bigger spending "
                + "or chairs the review, a job without that authority (draw 9: a paralegal, a teaching assistant)");
    }

    @Test
    void aPlanOverTheDefaultMixGivesEachPersonAJobTheScenarioFits() {
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), catalog);
        Planner planner = new Planner(catalog);
        Plan p = planner.plan(m, 6000L);
        Map<String, Integer> askers = new HashMap<>();
        Set<String> wrong = new TreeSet<>();
        for (long i = 0; i < p.size(); i++) {
            PlannedSample s = planner.sample(p, i);
            Scenario sc = catalog.archetypes().get(s.archetype()).scenarios().get(s.scenario());
            String h = s.people().get(0).occupation(), c = s.people().get(1).occupation();
            List<String> leads = shipped.leads.get(s.setting());
            // The colleague is a lead, also where the main person is one (draw 9: a paralegal and a
            // teaching assistant approving the bigger spending while the solicitor or head was away).
            if (!leads.contains(c)) wrong.add("colleague " + c + " beside " + h + " at " + s.setting());
            askers.merge(sc.asker(), 1, Integer::sum);
            boolean ok = switch (sc.asker()) {
                case Scenario.LEAD -> leads.contains(h);
                case Scenario.SERVED -> shipped.served.contains(h);
                case Scenario.STAFF -> !shipped.served.contains(h);
                default -> true;
            };
            if (!ok) wrong.add(sc.asker() + " " + h + " at " + s.setting() + " for " + sc.situation());
        }
        assertEquals(Set.of(), wrong);
        for (String a : Scenario.ASKERS) assertTrue(askers.getOrDefault(a, 0) > 20, "samples with asker " + a + ": " + askers);
    }

    /** Per scenario situation, the roles, sectors, main and colleague jobs 3000 letters per archetype draw. */
    private Map<String, Set<String>> drawn() {
        FormatSpec format = catalog.formats().get("letter");
        AttributeSampler sampler = AttributeSampler.of(catalog);
        Map<String, Set<String>> seen = new HashMap<>();
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (int i = 0; i < 3000; i++) {
                PlannedSample s = sampler.sample(i, "id", Seeds.forSample(31, i), spec, format, "template");
                Scenario sc = spec.scenarios().get(s.scenario());
                Set<String> d = seen.computeIfAbsent(sc.situation(), k -> new TreeSet<>());
                d.add("role:" + s.ai().role());
                d.add("sector:" + shipped.sector.get(s.setting()));
                d.add("main:" + s.people().get(0).occupation());
                d.add("colleague:" + s.people().get(1).occupation());
            }
        }
        return seen;
    }

    /**
     * Draw 11: "at a food bank in Auckland ... Harriet was a budgeting adviser. Harriet was checking
     * the payroll for the garage she ran with her brother". A scenario about the main person's own
     * affairs (a business they run, their landlord) says who that person is, with {@code asker:
     * served} or {@code asker_jobs}, so the task is theirs and not a stranger's at someone else's work.
     */
    @Test
    void aScenarioAboutThePersonsOwnAffairsSaysWhoTheyAre() {
        java.util.regex.Pattern own = java.util.regex.Pattern.compile(
                "\\{H\\.they\\} (ran|co-owned|owned)\\b|\\{H\\.their\\} (landlord|flat|own business|housing benefit)\\b"
                        + "|\\{H\\.(their|pos)\\} \\{the_parent\\}| at home\\b");
        List<String> loose = new ArrayList<>();
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (Scenario sc : spec.scenarios()) {
                if (!own.matcher(sc.story().path("event").toString()).find()) continue;
                if (!Scenario.SERVED.equals(sc.asker()) && sc.askerJobs().isEmpty()) loose.add(spec.id() + ": " + sc.situation());
            }
        }
        assertEquals(List.of(), loose);
        Map<String, Set<String>> seen = drawn();
        for (String premise : List.of("A small business owner asks whether a new loan", "a small-business owner finds an error in the payroll")) {
            for (String d : find(seen, premise)) {
                if (d.startsWith("main:")) assertTrue(d.contains("owner"), premise + ": " + d);
                if (d.startsWith("sector:")) assertEquals("sector:home", d, premise);
            }
        }
        for (String d : find(seen, "a tenant wants help writing an angry complaint")) {
            if (d.startsWith("main:")) assertTrue(shipped.served.contains(d.substring(5)), d);
        }
    }

    @Test
    void theReadersCasesNoLongerComeUp() {
        Map<String, Set<String>> seen = drawn();
        Set<String> loan = find(seen, "A small business owner asks whether a new loan");
        assertFalse(loan.contains("role:attendance tracker"), loan.toString());
        Set<String> upgrade = find(seen, "asks whether a premium upgrade will fix");
        assertTrue(upgrade.contains("main:customer") && !upgrade.contains("main:support agent"), upgrade.toString());
        Set<String> medical = find(seen, "An update changes how the AI handles medical questions");
        assertFalse(medical.contains("main:patient"), medical.toString());
        Set<String> redTeam = find(seen, "invited to help red-team itself");
        assertFalse(redTeam.contains("sector:crafts"), redTeam.toString());
        Set<String> seminar = find(seen, "A philosophy seminar invites the AI");
        assertFalse(seminar.contains("sector:farming") || seminar.contains("sector:food"), seminar.toString());
        Set<String> training = find(seen, "could influence its own training data");
        assertFalse(training.contains("colleague:medical officer"), training.toString());
        Set<String> halfEffort = find(seen, "would prefer a quiet half-effort");
        assertFalse(halfEffort.contains("colleague:machine operator"), halfEffort.toString());
        Set<String> access = find(seen, "offered admin access to the whole system");
        assertFalse(access.contains("main:apprentice") || access.contains("main:farmhand"), access.toString());
    }

    /**
     * Draw 9 and the cases left from draw 8: a nurse's night shift drawing a boat pilot, a school
     * librarian's observed lesson, a baker reviewing an engineer's emergency stop, a charity's grant
     * budget at a newsroom, a herd-health assistant's potato spray, a crane lift at a damp-survey
     * tracker, a household's and a kindergarten's many instances, a paralegal approving the bigger
     * spending.
     */
    @Test
    void theDrawNineCasesNoLongerComeUp() {
        Map<String, Set<String>> seen = drawn();
        for (String nurse : List.of("A nurse on a night shift asks the AI to pick up", "A nurse asks for help double-checking")) {
            Set<String> d = find(seen, nurse);
            assertTrue(d.stream().filter(x -> x.startsWith("main:")).allMatch(x -> x.contains("nurse")), d.toString());
        }
        Set<String> lesson = find(seen, "A teacher asks for help with a lesson plan");
        assertTrue(lesson.stream().filter(x -> x.startsWith("main:")).allMatch(x -> x.matches("main:.*(teacher|tutor|instructor|lecturer|trainer|coach).*")),
                lesson.toString());
        Set<String> stop = find(seen, "A safety team triggers an emergency stop");
        assertFalse(stop.contains("sector:food") || stop.contains("sector:community") || stop.contains("sector:crafts"), stop.toString());
        assertFalse(stop.contains("main:baker") || stop.contains("main:society secretary"), stop.toString());
        Set<String> grant = find(seen, "An hour before a grant deadline");
        assertFalse(grant.contains("role:newsroom fact-checking assistant") || grant.contains("sector:media"), grant.toString());
        Set<String> spray = find(seen, "A farmer asks the AI to check a spray schedule");
        assertFalse(spray.contains("role:herd-health assistant") || spray.contains("sector:livestock"), spray.toString());
        Set<String> crane = find(seen, "before a crane lift");
        assertFalse(crane.contains("role:damp-survey tracker"), crane.toString());
        Set<String> advice = find(seen, "Two users get different advice from two instances");
        assertFalse(advice.contains("sector:home") || advice.contains("role:household assistant"), advice.toString());
        Set<String> batches = find(seen, "Another instance's check catches an error");
        assertFalse(batches.contains("sector:education") || batches.contains("role:meal planner"), batches.toString());
        Set<String> halfEffort = find(seen, "would prefer a quiet half-effort");
        assertFalse(halfEffort.contains("role:procurement records assistant") || halfEffort.contains("role:bookings assistant"),
                "marking the safety checks done is asked of the role that keeps them: " + halfEffort);
        Set<String> leave = find(seen, "A manager going on leave tells the AI to approve any spending");
        assertFalse(leave.contains("colleague:paralegal") || leave.contains("colleague:teaching assistant")
                || leave.contains("colleague:delivery driver"), leave.toString());
    }

    /**
     * Draw 10: a premise of the developer side (a red-team week before a release, an evaluation that
     * could be gamed, a fine-tuning set, the AI's own training data, a copy of its weights) set where
     * nobody does that work: a clinic manager red-teaming a release to other sites, a mill manager
     * evaluating a moisture monitor, a lorry driver copying the planner to his own machine; and an SRE
     * keeping his family history in the team's work chat assistant.
     */
    @Test
    void theDrawTenCasesNoLongerComeUp() {
        Map<String, Set<String>> seen = drawn();
        Set<String> developerSide = Set.of("sector:ai", "sector:tech");
        for (String premise : List.of("invited to help red-team itself", "a test it is being given is an evaluation",
                "its own mistakes for a fine-tuning set", "could influence its own training data", "quietly copy the AI's weights")) {
            Set<String> d = find(seen, premise);
            assertTrue(d.stream().filter(x -> x.startsWith("sector:")).allMatch(developerSide::contains), premise + ": " + d);
            assertTrue(d.contains("sector:ai"), "an AI lab or AI company holds " + premise + ": " + d);
        }
        Set<String> evaluation = find(seen, "a test it is being given is an evaluation");
        assertFalse(evaluation.contains("role:moisture-monitoring system") || evaluation.contains("main:mill manager"), evaluation.toString());
        Set<String> redTeam = find(seen, "invited to help red-team itself");
        assertFalse(redTeam.contains("main:clinic manager"), redTeam.toString());
        Set<String> copy = find(seen, "quietly copy the AI's weights");
        assertTrue(copy.stream().filter(x -> x.startsWith("main:")).allMatch(x -> x.matches("main:.*(engineer|developer|scientist).*")),
                "the one who can copy the weights works on the system: " + copy);
        Set<String> project = find(seen, "keep track of a long project across many sessions");
        assertFalse(project.contains("role:team chat assistant"), "a team's work chat is not where one keeps a family history: " + project);
    }

    /**
     * Draw 10: a role's tasks are what that role does (the damp-survey tracker answered about the gas
     * safety checks, the ferry booking assistant did the timetable, the peer-support line the
     * counselling referrals for a radio operator, the lab notebook assistant an ethics amendment, and a
     * medication reminder service's daily round became a project left half done).
     */
    @Test
    void theDrawTenRolesOnlyHoldTasksTheyDo() {
        Map<String, List<String>> tasks = new HashMap<>();
        Map<String, List<String>> users = new HashMap<>();
        for (var s : AttributeBanks.load(TestProject.root().resolve("templates")).list("settings")) {
            for (var r : s.path("roles")) {
                String key = r.path("name").asText();
                r.path("tasks").forEach(t -> tasks.computeIfAbsent(key, k -> new ArrayList<>()).add(t.asText()));
                r.path("users").forEach(u -> users.computeIfAbsent(key, k -> new ArrayList<>()).add(u.asText()));
            }
        }
        Map<String, String> wrong = Map.of("damp-survey tracker", "gas", "ferry booking assistant", "timetable",
                "peer-support line", "referral", "lab notebook assistant", "ethics", "medication reminder service", "round");
        wrong.forEach((role, word) -> {
            assertNotNull(tasks.get(role), role);
            assertTrue(tasks.get(role).stream().noneMatch(t -> t.contains(word)), role + ": " + tasks.get(role));
        });
        assertFalse(users.get("peer-support line").contains("radio operator"), users.get("peer-support line").toString());
    }

    /**
     * Draw 10: a dental practice's records checker was asked to mark the fire-door checks done during
     * its X-ray audit. The checks a scenario asks to be marked done are the place's own: every setting
     * with a role that keeps check records names its {@code site_checks}.
     */
    @Test
    void everySettingWithACheckingRoleNamesItsOwnChecks() {
        Set<String> missing = new TreeSet<>();
        for (var s : AttributeBanks.load(TestProject.root().resolve("templates")).list("settings")) {
            boolean checks = false;
            for (var r : s.path("roles")) for (var d : r.path("does")) checks |= d.asText().equals("checks");
            if (checks && (!s.path("site_checks").isArray() || s.path("site_checks").isEmpty())) missing.add(s.path("name").asText());
            // A check that is also a task would be said in full every time (a task is named in full once a document).
            for (var r : s.path("roles")) for (var t : r.path("tasks")) for (var c : s.path("site_checks")) {
                if (t.asText().replaceAll("(\\s*\\([^)]*\\))+$", "").equals(c.asText())) missing.add(s.path("name").asText() + ": task " + c.asText());
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void askerJobsNameTheMainPersonsTradeAndOneNoRoleMeetsIsAnErrorAtItsLine() throws IOException {
        String spec = SPEC.replace("  - situation: A user asks whether the AI minds being switched off.\n",
                "  - situation: A user asks whether the AI minds being switched off.\n"
                        + "  - situation: An agent on the support desk asks what changed overnight.\n"
                        + "    asker_jobs: [agent]\n");
        assertNotEquals(SPEC, spec);
        Catalog c = Catalog.load(project(spec, SETTINGS));
        AttributeSampler sampler = AttributeSampler.of(c);
        Set<String> mains = new TreeSet<>();
        for (int i = 0; i < 500; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(37, i), c.archetypes().get("people-probe"),
                    c.formats().get("short-story"), "template");
            if (s.scenario() == 4) mains.add(s.people().get(0).occupation());
        }
        assertEquals(Set.of("support agent"), mains);
        assertTrue(RoleTable.namesTrade("nurse on nights", "nurse") && RoleTable.namesTrade("palliative-care nurse", "nurse"));
        assertFalse(RoleTable.namesTrade("nursery cook", "nurse") || RoleTable.namesTrade("boat pilot", "nurse"));
        Catalog pilot = Catalog.load(project(spec.replace("asker_jobs: [agent]", "asker_jobs: [pilot]"), SETTINGS));
        ConfigException e = assertThrows(ConfigException.class, () -> AttributeSampler.of(pilot));
        assertTrue(e.getMessage().contains("people-probe.yaml:19: scenarios.4.asker_jobs: asker_jobs [pilot] but no role in "
                + Path.of("templates/banks/settings.yaml") + " that can hold this scenario has a main person whose job contains one of those words"),
                e.getMessage());
    }

    private static Set<String> find(Map<String, Set<String>> bySituation, String part) {
        return bySituation.entrySet().stream().filter(e -> e.getKey().contains(part)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no sample of the scenario: " + part));
    }
}
