package dev.exemplar.spec;

/** The mix's {@code dedup} section: which dedup stages run inside {@code generate}. */
public record DedupSettings(boolean exact) {
    public static final DedupSettings DEFAULT = new DedupSettings(true);

    static DedupSettings read(NodeReader r) {
        NodeReader d = r.child("dedup");
        boolean exact = d.bool("exact", DEFAULT.exact());
        d.finish();
        return new DedupSettings(exact);
    }
}
