package io.tokenledger.pricing.imports;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an Azure OpenAI token meter name says: the model, the token bucket and the deployment type, e.g.
 * {@code gpt-4o-0806 Inp glbl Tokens} (input, Global Standard), {@code gpt-4o-0806 cached Inp glbl Tokens},
 * {@code gpt-4o-mini-0718-Outp-regnl Tokens}. Words are separated by spaces or hyphens; the first bucket word
 * ({@code cached}/{@code cchd} before {@code Inp}/{@code Input}, {@code Inp}/{@code Input}, {@code Outp}/{@code Output})
 * ends the model name.
 *
 * @param model lower case, spaces as hyphens: {@code gpt-4o-0806}
 * @param deploymentType {@code glbl}, {@code dzone}, {@code regnl} (also when the name names none) or {@code batch}
 */
record RetailMeter(String model, Bucket bucket, String deploymentType) {

    /** The rate-card price a meter sets. */
    enum Bucket {
        PROMPT("input"),
        CACHED_PROMPT("cached input"),
        COMPLETION("output");

        private final String label;

        Bucket(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Pattern MARKER =
            Pattern.compile("(?i)(?:^|[\\s-])(cached|cchd|cache|inp|input|outp|output)(?=[\\s-]|$)");
    private static final Pattern SPECIAL =
            Pattern.compile("(?i)(?:^|[\\s-])(aud|audio|ft|fine|finetune|img|image)(?=[\\s-]|$)");

    /** The meter, or why the name is not one TokenLedger turns into a price. */
    static Result parse(String meterName) {
        String name = meterName.trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith("tokens") && !lower.endsWith("token")) {
            return Result.skip("not a token meter");
        }
        name = name.substring(0, lower.lastIndexOf("token")).trim();
        Matcher marker = MARKER.matcher(name);
        if (!marker.find()) {
            return Result.skip("names no input, cached input or output bucket");
        }
        String model = name.substring(0, marker.start()).trim().replaceAll("[\\s-]+$", "");
        if (model.isEmpty()) {
            return Result.skip("names no model");
        }
        Matcher special = SPECIAL.matcher(name);
        if (special.find()) {
            return Result.skip("audio, image and fine-tuning meters are not token buckets TokenLedger prices");
        }
        String word = marker.group(1).toLowerCase(Locale.ROOT);
        String rest = name.substring(marker.end()).toLowerCase(Locale.ROOT);
        Bucket bucket;
        if (word.startsWith("c")) {
            Matcher next = MARKER.matcher(rest);
            if (!next.find() || !next.group(1).toLowerCase(Locale.ROOT).startsWith("inp")) {
                return Result.skip("a cached meter that is not cached input");
            }
            bucket = Bucket.CACHED_PROMPT;
            rest = rest.substring(next.end());
        } else {
            bucket = word.startsWith("inp") ? Bucket.PROMPT : Bucket.COMPLETION;
        }
        return new Result(Optional.of(new RetailMeter(normalize(model), bucket, deploymentType(rest))), null);
    }

    private static String deploymentType(String rest) {
        String words = " " + rest.replace('-', ' ') + " ";
        if (words.contains(" batch ")) {
            return "batch";
        }
        if (words.contains(" glbl ") || words.contains(" global ")) {
            return "glbl";
        }
        if (words.contains(" dzone ")
                || words.contains(" dz ")
                || words.contains(" data zone ")
                || words.contains(" datazone ")) {
            return "dzone";
        }
        return "regnl";
    }

    private static String normalize(String model) {
        return model.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** A parsed meter, or the reason it is skipped. */
    record Result(Optional<RetailMeter> meter, String skipped) {

        static Result skip(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
