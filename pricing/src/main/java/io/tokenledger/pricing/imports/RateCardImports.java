package io.tokenledger.pricing.imports;

import io.tokenledger.db.RejectedException;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports rate cards from a file: {@link #preview} shows what would be published and every bad line with its
 * number; {@link #publish} publishes all cards in one transaction, or nothing when any line is bad.
 */
@Service
public class RateCardImports {

    static final String CATALOGUE = "/pricing/azure-openai-catalogue.csv";

    private final RateCards rateCards;

    RateCardImports(RateCards rateCards) {
        this.rateCards = rateCards;
    }

    @Transactional(readOnly = true)
    public ImportPreview preview(ImportFormat format, String content, ImportDefaults defaults) {
        ImportPreview read = switch (format) {
            case CSV -> CsvRateCards.read(content, defaults);
            case AIHUB -> AiHubModelPricing.read(content, defaults);
            case AZURE_RETAIL -> AzureRetailPrices.read(content, defaults);
        };
        List<ImportPreview.LineError> errors = new ArrayList<>(read.errors());
        for (ImportPreview.Line line : read.cards()) {
            try {
                rateCards.check(line.card());
            } catch (RejectedException e) {
                errors.add(new ImportPreview.LineError(line.line(), e.field(), e.getMessage()));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(ImportPreview.LineError::line));
        return new ImportPreview(read.cards(), errors, read.skipped());
    }

    /**
     * Publishes every card of the file, or none.
     *
     * @throws RejectedException with the preview's {@link ImportPreview.LineError}s when any line is bad
     */
    @Transactional
    public List<RateCard> publish(ImportFormat format, String content, ImportDefaults defaults, String user) {
        ImportPreview preview = preview(format, content, defaults);
        if (!preview.errors().isEmpty()) {
            throw RejectedException.invalidItems(
                    preview.errors().size() + " line(s) of the import are wrong; nothing was imported.",
                    preview.errors());
        }
        List<RateCard> published = new ArrayList<>();
        for (ImportPreview.Line line : preview.cards()) {
            NewRateCard card = line.card();
            published.add(rateCards.publish(card, user));
        }
        return published;
    }

    /** The starter catalogue of Azure OpenAI prices shipped with TokenLedger, as CSV (its source and date inside). */
    public String catalogue() {
        try (InputStream in = RateCardImports.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the price catalogue " + CATALOGUE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
