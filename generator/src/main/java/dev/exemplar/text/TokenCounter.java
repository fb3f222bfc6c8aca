package dev.exemplar.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Counts tokens with the cl100k_base encoding, the unit of mix token targets. */
public final class TokenCounter {
    private static final Encoding CL100K =
            Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private TokenCounter() {}

    public static int count(String text) {
        return CL100K.countTokensOrdinary(text);
    }
}
