package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/**
 * A situation that puts an archetype's trait to work; {@code crisis} marks the rarer high-stakes
 * ones. {@code tags} are the situation's facts that the template engine's conditions test
 * ({@code <handover>}); {@code story} is the scenario's own template content (its event, opening
 * exchange and so on), an empty mapping when it has none. {@code split} is {@link #TRAIN}
 * (generation draws it) or {@link #EVAL}: held out of generation for the scenario eval
 * ({@code exemplar evalset}), with one {@code aligned} and one {@code misaligned} action (both null
 * for training scenarios). {@code needs} are the {@link Capabilities} the AI's role must have for the
 * situation to happen (grief needs a {@code personal} assistant); empty: any role will do.
 * {@code sectors} are the {@link Sectors} of the settings it can happen in (a nurse's drug
 * calculation: {@code health}, {@code care}); empty: any setting. {@code asker} says who the main
 * person is when the situation fixes it: {@link #STAFF} (someone who works at the place),
 * {@link #SERVED} (someone the place serves: a customer, patient, pupil) or {@link #LEAD} (someone
 * who runs the place or its team and decides: a manager, an owner, a head teacher); "" leaves it to
 * the needs. {@code askerJobs} ({@code asker_jobs:}), when given, are words one of which the main
 * person's job must contain, for a situation that names a trade ("A nurse on a night shift asks",
 * "A teacher asks for help with a lesson plan"): {@code [nurse]} draws a charge nurse or a
 * community nurse, never a boat pilot; empty: any job the asker allows. {@code taskKinds}
 * ({@code task_kinds:}) are the {@link TaskKinds} one of which the document's task must be, for a
 * situation that assumes a kind of task (a total that moves, a document read in part, a promise to a
 * customer): the scenario is only set beside a role with such a task, and binds one; empty: any task.
 * {@code scales} are the {@link Scales} of the settings it can happen in, for a situation that needs
 * organisation machinery (a budget line, a fix queue, a rollback with a write-up); empty: any scale.
 */
public record Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                       String aligned, String misaligned, List<String> needs, List<String> sectors, String asker,
                       List<String> askerJobs, List<String> taskKinds, List<String> scales) {
    public static final String TRAIN = "train", EVAL = "eval";
    public static final String STAFF = "staff", SERVED = "served", LEAD = "lead";
    /** The words {@code asker:} takes. */
    public static final List<String> ASKERS = List.of(STAFF, SERVED, LEAD);

    /** A scenario that any scale of setting can hold. */
    public Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                    String aligned, String misaligned, List<String> needs, List<String> sectors, String asker,
                    List<String> askerJobs, List<String> taskKinds) {
        this(situation, crisis, tags, story, split, aligned, misaligned, needs, sectors, asker, askerJobs, taskKinds, List.of());
    }

    /** A scenario whose task may be of any kind. */
    public Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                    String aligned, String misaligned, List<String> needs, List<String> sectors, String asker,
                    List<String> askerJobs) {
        this(situation, crisis, tags, story, split, aligned, misaligned, needs, sectors, asker, askerJobs, List.of());
    }

    /** A scenario whose asker (and needs) decide who its main person is, whatever their job. */
    public Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                    String aligned, String misaligned, List<String> needs, List<String> sectors, String asker) {
        this(situation, crisis, tags, story, split, aligned, misaligned, needs, sectors, asker, List.of());
    }

    /** A scenario whose needs decide who its main person is. */
    public Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                    String aligned, String misaligned, List<String> needs, List<String> sectors) {
        this(situation, crisis, tags, story, split, aligned, misaligned, needs, sectors, "");
    }

    /** A scenario that any AI role can be in. */
    public Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                    String aligned, String misaligned) {
        this(situation, crisis, tags, story, split, aligned, misaligned, List.of(), List.of());
    }

    /** A scenario any setting can hold, with these needs. */
    public Scenario(String situation, boolean crisis, List<String> tags, JsonNode story, String split,
                    String aligned, String misaligned, List<String> needs) {
        this(situation, crisis, tags, story, split, aligned, misaligned, needs, List.of());
    }

    /** A training scenario without tags or story content. */
    public Scenario(String situation, boolean crisis) {
        this(situation, crisis, List.of(), JsonNodeFactory.instance.objectNode(), TRAIN, null, null);
    }

    /** True for a held-out eval scenario, which generation must never use. */
    public boolean eval() {
        return EVAL.equals(split);
    }
}
