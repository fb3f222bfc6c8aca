package dev.exemplar.cli;

import dev.exemplar.audit.Dimension;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code archetype|format|generator}, any case. */
final class DimensionConverter implements ITypeConverter<Dimension> {
    @Override
    public Dimension convert(String value) {
        try {
            return Dimension.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected archetype, format or generator, not '" + value + "'");
        }
    }
}
