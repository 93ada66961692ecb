package io.tokenledger.pricing.imports;

import java.util.List;

/** An import with bad lines; nothing of it was published. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportPreview.LineError> errors;

    ImportRejectedException(List<ImportPreview.LineError> errors) {
        super(errors.size() + " line(s) of the import are wrong; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<ImportPreview.LineError> errors() {
        return errors;
    }
}
