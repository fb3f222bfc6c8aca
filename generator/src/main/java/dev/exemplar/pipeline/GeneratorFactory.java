package dev.exemplar.pipeline;

import dev.exemplar.generate.Generator;
import dev.exemplar.generate.template.TemplateGenerator;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;

/** Creates the generator for each kind a mix names. */
public final class GeneratorFactory {
    private GeneratorFactory() {}

    public static Generator create(String kind, Catalog catalog, Mix mix) {
        return switch (kind) {
            case "template" -> new TemplateGenerator(catalog);
            case "model" -> new dev.exemplar.generate.model.ModelGenerator(catalog, mix);
            default -> throw new IllegalArgumentException("no generator of kind \"" + kind + "\"");
        };
    }
}
