package dev.exemplar.generate.template;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one Freemarker configuration for story and prompt templates: loads only from
 * {@code templates/}, resolves no classes ({@code ?new} fails), has {@code ?api} off, and
 * rethrows errors instead of printing them. Templates receive plain maps, lists and strings, and
 * story templates also the grammar's read-only hash ({@link StoryModel}).
 */
public final class SandboxedFreemarker {
    private SandboxedFreemarker() {}

    public static Configuration create(Path templatesDir) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
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
}
