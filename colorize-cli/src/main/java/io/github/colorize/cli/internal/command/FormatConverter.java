package io.github.colorize.cli.internal.command;

import io.github.colorize.ImageFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --format}. Stateless. */
final class FormatConverter implements ITypeConverter<ImageFormat> {
    @Override
    public ImageFormat convert(String value) {
        try {
            return ImageFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
