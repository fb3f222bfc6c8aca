package dev.exemplar.export;

import dev.exemplar.doc.BadInputException;

import java.nio.file.Path;

/** Opens the tokenizer a user names: a built-in encoding or a tokenizer.json file. */
public final class TokenEncoders {
    private TokenEncoders() {}

    /**
     * {@code cl100k_base}, {@code o200k_base}, or a path to a Hugging Face tokenizer.json;
     * {@code eodOverride} (nullable) names the end-of-document token of a tokenizer.json, or "none".
     */
    public static TokenEncoder open(String spec, String eodOverride) {
        if (!spec.equals("cl100k_base") && !spec.equals("o200k_base")) return HfTokenizerEncoder.open(Path.of(spec), eodOverride);
        boolean eod = eodOverride == null || eodOverride.equals("<|endoftext|>");
        if (!eod && !eodOverride.equals("none")) {
            throw new BadInputException("--eod " + eodOverride + ": " + spec + " has one end-of-document token, <|endoftext|>; give it or none");
        }
        return spec.equals("cl100k_base") ? TiktokenEncoder.cl100k(eod) : TiktokenEncoder.o200k(eod);
    }
}
