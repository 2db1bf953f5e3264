package io.github.colorize.cli.internal.command;

import io.github.colorize.RenderFactor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --render-factor}. Stateless. */
final class RenderFactorConverter implements ITypeConverter<RenderFactor> {
    @Override
    public RenderFactor convert(String value) {
        try {
            return RenderFactor.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
