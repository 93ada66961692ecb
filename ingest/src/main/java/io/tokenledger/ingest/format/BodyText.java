package io.tokenledger.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes a body as strict UTF-8, so a wrongly encoded body is refused instead of stored with replacement marks. */
final class BodyText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private BodyText() {}

    static String decode(byte[] body) {
        if (body == null) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            String text = decoder.decode(bytes).toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new PayloadException(
                    PayloadException.Kind.MALFORMED,
                    "the body is not valid UTF-8 (bad byte sequence at byte offset " + bytes.position()
                            + "); send JSON encoded as UTF-8");
        }
    }
}
