package io.tokenledger.web.api;

import io.tokenledger.pricing.DecimalBounds;
import java.math.BigDecimal;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How parameters and form fields are written, for every controller: days as YYYY-MM-DD and months as YYYY-MM (the
 * API's formats, whatever the server's locale), enum values ignoring case with {@code -} for {@code _}
 * ({@code azure-retail}, {@code MONTHLY}); surrounding spaces are ignored. A value that is none of these is answered
 * with {@link #wrongValue}, which names the parameter and says what it must be.
 */
@Configuration(proxyBeanMethods = false)
public class ParameterFormats implements WebMvcConfigurer {

    /** How much of a wrong value an answer repeats. */
    private static final int SHOWN_LENGTH = 100;

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Iso<>(LocalDate::parse));
        registry.addFormatterForFieldType(YearMonth.class, new Iso<>(YearMonth::parse));
        registry.addFormatterForFieldType(BigDecimal.class, new Decimals());
        registry.addConverterFactory(new EnumParameters());
    }

    /**
     * What a value of {@code type} must look like, naming the parameter or field: e.g. {@code from must be a day as
     * YYYY-MM-DD, was '2026-13-01'}.
     */
    public static String wrongValue(String name, Class<?> type, Object value) {
        String must;
        if (type == LocalDate.class) {
            must = "must be a day as YYYY-MM-DD";
        } else if (type == YearMonth.class) {
            must = "must be a month as YYYY-MM, e.g. 2026-10";
        } else if (type != null && type.isEnum()) {
            must = "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(option -> parameter((Enum<?>) option))
                            .collect(Collectors.joining(", "));
        } else if (type == BigDecimal.class) {
            must = "must be a decimal number such as 0.15";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            must = "must be a whole number";
        } else if (type == Boolean.class || type == boolean.class) {
            must = "must be true or false";
        } else {
            must = "has the wrong format";
        }
        String typed = String.valueOf(value);
        String was = typed.length() <= SHOWN_LENGTH
                ? "'" + typed + "'"
                : "'" + typed.substring(0, SHOWN_LENGTH) + "…' (" + typed.length() + " characters)";
        return name + " " + must + ", was " + was;
    }

    /** An enum value as parameters write it: {@code AZURE_RETAIL} as {@code azure-retail}. */
    static String parameter(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses and prints with the type's ISO form ({@code toString}); blank text never gets here (it is null). */
    private record Iso<T>(IsoParser<T> parser) implements Formatter<T> {

        @Override
        public T parse(String text, Locale locale) throws ParseException {
            return parser.parse(text.strip());
        }

        @Override
        public String print(T value, Locale locale) {
            return value.toString();
        }
    }

    private interface IsoParser<T> {
        T parse(CharSequence text);
    }

    /**
     * Decimals as typed ({@code new BigDecimal}, no locale), but never a text longer than
     * {@link DecimalBounds#MAX_TEXT_LENGTH}: reading a decimal takes time that grows with the square of its length.
     */
    private static final class Decimals implements Formatter<BigDecimal> {

        @Override
        public BigDecimal parse(String text, Locale locale) throws ParseException {
            if (DecimalBounds.textProblem(text).isPresent()) {
                throw new ParseException("longer than " + DecimalBounds.MAX_TEXT_LENGTH + " characters", 0);
            }
            return new BigDecimal(text.strip());
        }

        @Override
        public String print(BigDecimal value, Locale locale) {
            return value.toString();
        }
    }

    /** Matches enum constants ignoring case, with {@code -} standing for {@code _}. */
    private static final class EnumParameters implements ConverterFactory<String, Enum<?>> {

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> targetType) {
            Class<?> type = targetType;
            while (type != null && !type.isEnum()) {
                type = type.getSuperclass();
            }
            Class<? extends Enum> enumType = (Class<? extends Enum>) type;
            return text -> {
                String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                return name.isEmpty() ? null : (T) Enum.valueOf(enumType, name);
            };
        }
    }
}
