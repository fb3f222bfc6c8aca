package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.Generator;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.Catalog;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * The embedded default generator: renders {@code templates/story/<format>.ftl} in the
 * {@link SandboxedFreemarker} sandbox, fed
 * with plain maps, lists and strings, and a grammar hash whose entries expand phrase symbols. All
 * randomness comes from the sample's seed, so a sample renders the same text every time.
 */
public final class TemplateGenerator implements Generator {
    private final Catalog catalog;
    private final Configuration cfg;
    private final StoryLibrary library;

    public TemplateGenerator(Catalog catalog) {
        this.catalog = catalog;
        this.library = StoryLibrary.load(catalog);
        this.cfg = SandboxedFreemarker.create(catalog.templatesDir());
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
        try {
            return Generation.ok(s, render(s, name), prov);
        } catch (IOException | TemplateException e) {
            return Generation.failed(s, prov, "template-error", TemplateErrors.describe(name, e));
        } catch (SecurityException e) {
            // FileTemplateLoader refuses a file (e.g. a symlink) that resolves outside templates/.
            return Generation.failed(s, prov, "template-error", name + ": refused to load a template outside templates/ ("
                    + TemplateErrors.clean(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            return Generation.failed(s, prov, "template-error", name + ": " + msg.lines().findFirst().orElse(msg));
        }
    }

    public static String templateName(String format) {
        return "story/" + format + ".ftl";
    }

    /** Renders and polishes one sample's text. */
    public String render(PlannedSample s) throws IOException, TemplateException {
        return render(s, templateName(s.format()));
    }

    private String render(PlannedSample s, String name) throws IOException, TemplateException {
        return TextPolisher.polish(draft(s, name).text());
    }

    /** A rendered draft and the ids of the units it drew, in order (the audit trail tests read). */
    record Draft(String text, java.util.List<String> trace, StoryModel model) {}

    /** The rendered text before {@link TextPolisher}, with its trace. */
    Draft draft(PlannedSample s, String name) throws IOException, TemplateException {
        Template t = cfg.getTemplate(name);
        SplittableRandom rng = new SplittableRandom(s.seed());
        StoryModel model = StoryModel.build(s, catalog, library, rng);
        TextWriter w = new TextWriter();
        t.process(model.data(), w);
        return new Draft(w.text.toString(), model.expansion().trace(), model);
    }

    /** A writer into a plain StringBuilder: StringWriter's StringBuffer locks on each of a document's many small writes. */
    private static final class TextWriter extends Writer {
        final StringBuilder text = new StringBuilder(4096);

        @Override
        public void write(String str) { text.append(str); }

        @Override
        public void write(String str, int off, int len) { text.append(str, off, off + len); }

        @Override
        public void write(char[] buf, int off, int len) { text.append(buf, off, len); }

        @Override
        public void write(int c) { text.append((char) c); }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
