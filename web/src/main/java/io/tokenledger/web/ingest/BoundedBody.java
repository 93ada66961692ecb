package io.tokenledger.web.ingest;

import io.tokenledger.web.api.ApiProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/** Reads a request body up to a limit; a larger body is refused with 413 before or while it is read. */
final class BoundedBody {

    private BoundedBody() {}

    static byte[] read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                throw tooLarge(limit);
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    private static ApiProblem tooLarge(long limit) {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit
                        + " bytes (tokenledger.ingest.http.max-body-size); send the records in smaller batches.");
    }
}
