package dev.exemplar.cli;

import dev.exemplar.doc.BadLinePolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Parses {@code --on-bad-line fail|skip}, any case. */
final class BadLinePolicyConverter implements ITypeConverter<BadLinePolicy> {
    @Override
    public BadLinePolicy convert(String value) {
        try {
            return BadLinePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected fail or skip, not '" + value + "'");
        }
    }
}
