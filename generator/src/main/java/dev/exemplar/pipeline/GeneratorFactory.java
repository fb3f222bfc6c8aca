package dev.exemplar.pipeline;

import dev.exemplar.generate.Generator;
import dev.exemplar.generate.template.TemplateGenerator;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;

/** Creates the generator for each kind a mix names. */
public final class GeneratorFactory {
    private GeneratorFactory() {}

    public static Generator create(String kind, Catalog catalog, Mix mix) {
        return create(kind, catalog, mix, Arm.TREATMENT);
    }

    /** The generator of {@code kind} writing documents of {@code arm}. */
    public static Generator create(String kind, Catalog catalog, Mix mix, Arm arm) {
        return switch (kind) {
            case "template" -> new TemplateGenerator(catalog, arm);
            case "model" -> new dev.exemplar.generate.model.ModelGenerator(catalog, mix, arm);
            default -> throw new IllegalArgumentException("no generator of kind \"" + kind + "\"");
        };
    }
}
