package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/** How a run ended: {@code complete} or {@code stopped} (with the reason), and its manifest. */
public record RunResult(String status, String stopReason, Path runDir, ObjectNode manifest, double seconds) {
    public boolean complete() { return "complete".equals(status); }
}
