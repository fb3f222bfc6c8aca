package dev.exemplar.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.cache.JvmCache;
import dev.exemplar.doc.Json;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The project and the effective mix (after --seed, --docs and --set) in the form that travels to
 * executors: the catalog as its bundle, the mix as JSON. Each executor rebuilds them once.
 */
public record JobMix(Catalog catalog, String mixFile, byte[] mixJson) implements Serializable {
    public static JobMix of(Catalog catalog, Path mixFile, JsonNode effective) {
        try {
            return new JobMix(catalog, mixFile.toAbsolutePath().toString(), Json.MAPPER.writeValueAsBytes(effective));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mix, validated against the catalog, once per JVM. */
    public Mix mix() {
        String key = "mix:" + java.util.HexFormat.of().formatHex(sha(mixJson)) + ":" + mixFile;
        return JvmCache.get(key, () -> Mix.load(LocatedYaml.parse(Path.of(mixFile), mixJson), catalog));
    }

    /** The effective mix as a tree, for the fingerprint. */
    public JsonNode effective() {
        try {
            return Json.MAPPER.readTree(mixJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
