package dev.exemplar.generate.template;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one Freemarker configuration for story and prompt templates: loads only from
 * {@code templates/}, resolves no classes ({@code ?new} fails), has {@code ?api} off, and
 * rethrows errors instead of printing them, and every template it loads can be stopped by
 * {@link RenderGuard}'s limits. Templates receive plain maps, lists and strings, and
 * story templates also the grammar's read-only hash ({@link StoryModel}).
 */
public final class SandboxedFreemarker {
    private SandboxedFreemarker() {}

    public static Configuration create(Path templatesDir) {
        Configuration cfg = new Checked();
        try {
            // FileTemplateLoader refuses names that resolve outside its base directory.
            cfg.setTemplateLoader(new FileTemplateLoader(templatesDir.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates in " + templatesDir, e);
        }
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        cfg.setLocalizedLookup(false);
        return cfg;
    }

    /**
     * Puts Freemarker's thread-interruption checks into every template it hands out (includes and
     * imports too, which Freemarker loads through this method), once per loaded template, so
     * {@link RenderGuard}'s time and depth limits reach every loop pass and macro call.
     */
    private static final class Checked extends Configuration {
        private static final String CHECKED = "exemplar.interruption-checks";

        Checked() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                    boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (t != null) {
                synchronized (t) {
                    if (t.getCustomAttribute(CHECKED) == null) {
                        _CoreAPI.addThreadInterruptedChecks(t);
                        t.setCustomAttribute(CHECKED, Boolean.TRUE);
                    }
                }
            }
            return t;
        }
    }
}
