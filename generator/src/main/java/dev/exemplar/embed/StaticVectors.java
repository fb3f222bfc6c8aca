package dev.exemplar.embed;

import java.util.List;

/**
 * The static model: the WordPiece vocabulary it reads text with, and a vector per token. Token
 * {@code t}'s vector is {@code scales[t]} times the bytes {@code codes[t * dims .. t * dims + dims)}
 * (already weighted and centred; a zero scale marks a token that counts for nothing).
 *
 * @param vocabulary the tokens by id, as in the bundled tokenizer
 * @param specials the special tokens matched verbatim in raw text ("[CLS]", "[SEP]", ...)
 * @param source the version of the sentence model it was distilled from
 */
public record StaticVectors(int dims, List<String> vocabulary, List<String> specials, float[] scales, byte[] codes,
                            String source) {
    public int vocabularySize() { return scales.length; }

    /** The table expanded to floats, token after token: what the embedder sums. */
    float[] expand() {
        float[] out = new float[codes.length];
        for (int t = 0; t < scales.length; t++) {
            float s = scales[t];
            if (s == 0) continue;
            for (int k = t * dims, end = k + dims; k < end; k++) out[k] = s * codes[k];
        }
        return out;
    }
}
