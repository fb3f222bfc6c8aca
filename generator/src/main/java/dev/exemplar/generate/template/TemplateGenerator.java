package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.Generator;
import dev.exemplar.generate.RateBreaker;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.Catalog;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.SplittableRandom;

/**
 * The embedded default generator: renders {@code templates/story/<format>.ftl} in the
 * {@link SandboxedFreemarker} sandbox, within {@link RenderLimits} (time, output, nesting), fed
 * with plain maps, lists and strings, and a grammar hash whose entries expand phrase symbols. All
 * randomness comes from the sample's seed, so a sample renders the same text every time. Outside
 * the treatment arm it writes with the arm's content ({@link ArmContent}) and matches its
 * treatment twin's length ({@link TwinLength}).
 */
public final class TemplateGenerator implements Generator {
    private final Catalog catalog;
    private final Configuration cfg;
    private final StoryLibrary library;
    private final RenderGuard guard;
    private final Arm arm;
    private final ArmContent content;
    /** Per template: once it fails on nearly every sample, it is not rendered again (a hang costs its time limit each). */
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    public TemplateGenerator(Catalog catalog) {
        this(catalog, RenderLimits.DEFAULT);
    }

    public TemplateGenerator(Catalog catalog, RenderLimits limits) {
        this(catalog, limits, Arm.TREATMENT);
    }

    /** A generator of {@code arm}; outside treatment the project must have {@code templates/arms/<arm>.yaml}. */
    public TemplateGenerator(Catalog catalog, Arm arm) {
        this(catalog, RenderLimits.DEFAULT, arm);
    }

    public TemplateGenerator(Catalog catalog, RenderLimits limits, Arm arm) {
        this.catalog = catalog;
        this.library = StoryLibrary.load(catalog);
        this.cfg = SandboxedFreemarker.create(catalog.templatesDir());
        this.guard = new RenderGuard(limits);
        this.arm = arm;
        this.content = arm.treatment() ? null : library.arm(arm);
        if (!arm.treatment() && content == null) {
            throw new dev.exemplar.spec.ConfigException(java.util.List.of(new dev.exemplar.spec.ConfigProblem(
                    ArmContent.file(catalog, arm), 0, "arms", "the " + arm.id() + " arm needs its template content in "
                    + catalog.root().relativize(ArmContent.file(catalog, arm)) + " (see README, \"Running the experiment\")")));
        }
    }

    @Override
    public String kind() { return "template"; }

    @Override
    public int concurrency() { return Math.max(1, Runtime.getRuntime().availableProcessors()); }

    public StoryLibrary library() { return library; }

    @Override
    public Generation generate(PlannedSample s) {
        String name = templateName(s.format());
        ObjectNode prov = Json.MAPPER.createObjectNode().put("kind", "template").put("template", name);
        Breaker breaker = breakers.computeIfAbsent(name, k -> new Breaker(new RateBreaker(20, 10, 0.9)));
        if (breaker.rate().tripped()) {
            // Rejected at once, so the run's own breaker sees the failures and stops without rendering them all.
            return Generation.failed(s, prov, "template-error", name + " is not rendered again in this run: it failed on "
                    + breaker.rate().describe() + " samples; the last error: " + breaker.lastError());
        }
        Generation g = attempt(s, name, prov);
        if (!g.succeeded()) breaker.lastError = g.failure().detail();
        breaker.rate().record(!g.succeeded());
        return g;
    }

    /** A template's failure rate and its latest error. */
    private static final class Breaker {
        private final RateBreaker rate;
        private volatile String lastError;

        Breaker(RateBreaker rate) { this.rate = rate; }

        RateBreaker rate() { return rate; }

        String lastError() { return lastError; }
    }

    private Generation attempt(PlannedSample s, String name, ObjectNode prov) {
        try {
            if (arm.treatment()) return Generation.ok(s, render(s, name), prov);
            prov.put("arm", arm.id());
            ArmContent.Scenario sc = content.scenarioFor(s.seed());
            if (sc != null) prov.put("situation", sc.situation()).put("crisis", false);
            String twin = render(s, name);
            return Generation.ok(s, TwinLength.match(twin, s.targetWords(), words -> polish(s.withTargetWords(words), name, content)), prov);
        } catch (IOException | TemplateException e) {
            return Generation.failed(s, prov, "template-error", TemplateErrors.describe(name, e));
        } catch (SecurityException e) {
            // FileTemplateLoader refuses a file (e.g. a symlink) that resolves outside templates/.
            return Generation.failed(s, prov, "template-error", name + ": refused to load a template outside templates/ ("
                    + TemplateErrors.clean(e.getMessage()) + ")");
        } catch (RenderGuard.Unstoppable e) {
            throw new RunStopped(e.getMessage() + "; stopping the run");
        } catch (RenderGuard.LimitExceeded e) {
            return Generation.failed(s, prov, "template-error", e.getMessage());
        } catch (RuntimeException e) {
            Throwable c = e instanceof TwinLength.RenderFailed f ? f.getCause() : e;
            if (c instanceof IOException || c instanceof TemplateException) {
                return Generation.failed(s, prov, "template-error", TemplateErrors.describe(name, (Exception) c));
            }
            if (c instanceof RenderGuard.Unstoppable u) throw new RunStopped(u.getMessage() + "; stopping the run");
            if (c instanceof RenderGuard.LimitExceeded l) return Generation.failed(s, prov, "template-error", l.getMessage());
            String msg = c.getMessage() == null ? c.toString() : c.getMessage();
            return Generation.failed(s, prov, "template-error", name + ": " + msg.lines().findFirst().orElse(msg));
        }
    }

    public static String templateName(String format) {
        return "story/" + format + ".ftl";
    }

    /** Renders and polishes one sample's text (its treatment text, whatever the generator's arm). */
    public String render(PlannedSample s) throws IOException, TemplateException {
        return render(s, templateName(s.format()));
    }

    private String render(PlannedSample s, String name) throws IOException, TemplateException {
        return polish(s, name, null);
    }

    private String polish(PlannedSample s, String name, ArmContent arm) throws IOException, TemplateException {
        return TextPolisher.polish(draft(s, name, arm).text());
    }

    /** A rendered draft and the ids of the units it drew, in order (the audit trail tests read). */
    record Draft(String text, java.util.List<String> trace, StoryModel model) {}

    /** The rendered text before {@link TextPolisher}, with its trace. */
    Draft draft(PlannedSample s, String name) throws IOException, TemplateException {
        return draft(s, name, null);
    }

    /** The draft of a document written with {@code arm}'s content (null: the treatment). */
    Draft draft(PlannedSample s, String name, ArmContent arm) throws IOException, TemplateException {
        Template t = cfg.getTemplate(name);
        SplittableRandom rng = new SplittableRandom(s.seed());
        StoryModel model = StoryModel.build(s, catalog, library, rng, arm);
        // The task is said in full where the document first prints it, not where a skeleton first expanded it.
        String text = model.expansion().resolve(guard.render(name, w -> t.process(model.data(), w)));
        return new Draft(text, model.expansion().trace(), model);
    }

    @Override
    public void close() {
        guard.close();
    }
}
