package dev.exemplar.llm;

/** A model call that failed for good; {@code code} is a short reason code for rejections (http_401, timeout...). */
public class LlmException extends RuntimeException {
    private final String code;

    public LlmException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() { return code; }
}
