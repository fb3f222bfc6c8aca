package dev.exemplar.plan;

import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.Mix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a mix into a plan: exact cell counts by largest-remainder rounding of the product of
 * archetype, format and generator weights, cells spread over indexes by a seeded shuffle
 * ({@link CellOrder}), and
 * per-sample attributes that depend only on (mix seed, index); settings and AI names are spread over
 * consecutive slots ({@link Spread}).
 */
public final class Planner {
    /** Rough tokens per word of English prose under cl100k, for estimates only. */
    public static final double TOKENS_PER_WORD = 1.3;

    private final Catalog catalog;
    private final AttributeSampler sampler;
    /** A plan's block of spread settings ({@link Spread}), computed once per plan and block. */
    private record BlockKey(Plan plan, long block) {}
    private final Map<BlockKey, int[]> blocks = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<BlockKey, int[]> eldest) { return size() > 64; }
    });

    public Planner(Catalog catalog) {
        this.catalog = catalog;
        this.sampler = AttributeSampler.of(catalog);
    }

    /** Plans a run; {@code docsOverride} (nullable) replaces the mix's target with a document count. */
    public Plan plan(Mix mix, Long docsOverride) {
        Map<Plan.Cell, Double> shares = shares(mix);
        double wordsPerDoc = 0;
        for (var e : shares.entrySet()) wordsPerDoc += e.getValue() * catalog.formats().get(e.getKey().format()).typicalWords();
        boolean byTokens = docsOverride == null && mix.target().byTokens();
        long docs;
        if (docsOverride != null) docs = docsOverride;
        else if (byTokens) docs = (long) Math.ceil(mix.target().tokens() / (wordsPerDoc * TOKENS_PER_WORD));
        else docs = mix.target().docs();
        Map<Plan.Cell, Long> counts = stratified(mix, docs);
        long est = Math.round(docs * wordsPerDoc * TOKENS_PER_WORD);
        // The index order is laid out lazily (CellOrder), so counting a huge plan costs nothing per document.
        return new Plan(mix.seed(), counts, est, byTokens, Seeds.mix(mix.seed() ^ 0x7e57ab1eL));
    }

    /** The bank index of the setting of planned slot {@code index} of {@code plan}; settings are assigned a block of slots at a time. */
    private int spreadSetting(Plan plan, long index) {
        long block = index / Spread.BLOCK;
        int[] settings = blocks.computeIfAbsent(new BlockKey(plan, block), k -> {
            long from = block * Spread.BLOCK, to = Math.min(from + Spread.BLOCK, plan.size());
            int[][] fits = new int[(int) (to - from)][];
            for (long i = from; i < to; i++) {
                Plan.Cell c = plan.cell(i);
                fits[(int) (i - from)] = sampler.fits(Seeds.forAttempt(plan.seed(), i, 0), catalog.archetypes().get(c.archetype()),
                        catalog.formats().get(c.format()));
            }
            return Spread.settings(plan.seed(), from, fits, sampler.settingCount());
        });
        return settings[(int) (index - block * Spread.BLOCK)];
    }

    /** The planned sample at slot {@code index} of {@code plan}. */
    public PlannedSample sample(Plan plan, long index) {
        return sample(plan, index, 0);
    }

    /**
     * Attempt {@code attempt} at slot {@code index} of {@code plan}: the planned sample (0) takes its
     * setting from the plan's spread and its AI name from the run's; a replacement draws its own.
     */
    public PlannedSample sample(Plan plan, long index, int attempt) {
        int setting = attempt == 0 && index < plan.size() ? spreadSetting(plan, index) : -1;
        return sample(plan.seed(), index, attempt, cellAt(plan, index), setting);
    }

    /** The sample at {@code index} with the given cell, outside any plan: its setting is its own draw. */
    public PlannedSample sample(long runSeed, long index, Plan.Cell cell) {
        return sample(runSeed, index, 0, cell);
    }

    /**
     * Attempt {@code attempt} at slot {@code index} (0: the planned sample; k: its k-th replacement,
     * same cell, own id and seed), numbered from (seed, slot, attempt) alone.
     */
    public PlannedSample sample(long runSeed, long index, int attempt, Plan.Cell cell) {
        return sample(runSeed, index, attempt, cell, -1);
    }

    /** {@code setting}: the spread's bank index for the slot, or -1 for the sample's own draw. */
    private PlannedSample sample(long runSeed, long index, int attempt, Plan.Cell cell, int setting) {
        ArchetypeSpec spec = catalog.archetypes().get(cell.archetype());
        FormatSpec format = catalog.formats().get(cell.format());
        PlannedSample s = sampler.sample(index, Seeds.id(runSeed, index, attempt), Seeds.forAttempt(runSeed, index, attempt),
                spec, format, cell.generator(), attempt == 0 ? new Spread(runSeed, index, setting) : null);
        return attempt == 0 ? s : s.withAttempt(attempt);
    }

    /** The cell of slot {@code index}: the planned one; in tokens mode slots past the plan cycle through it. */
    public static Plan.Cell cellAt(Plan plan, long index) {
        if (index < plan.size()) return plan.cell(index);
        return plan.byTokens() && plan.size() > 0 ? plan.cell(index % plan.size()) : null;
    }

    private static Map<Plan.Cell, Double> shares(Mix mix) {
        double a = sum(mix.archetypes()), f = sum(mix.formats()), g = sum(mix.generators());
        Map<Plan.Cell, Double> out = new LinkedHashMap<>();
        for (var ea : mix.archetypes().entrySet())
            for (var ef : mix.formats().entrySet())
                for (var eg : mix.generators().entrySet()) {
                    double w = ea.getValue() / a * ef.getValue() / f * eg.getValue() / g;
                    if (w > 0) out.put(new Plan.Cell(ea.getKey(), ef.getKey(), eg.getKey()), w);
                }
        return out;
    }

    /**
     * Exact counts per archetype × format × generator, allocated level by level: archetypes first,
     * then formats within each archetype, then generators within each pair. Every archetype's and
     * every pair's total is then within one document of its share, and leftovers from equal
     * fractions rotate across archetypes and formats instead of all going to the first cells.
     */
    private static Map<Plan.Cell, Long> stratified(Mix mix, long docs) {
        Map<Plan.Cell, Long> out = new LinkedHashMap<>();
        Map<String, Double> formats = normalised(mix.formats()), generators = normalised(mix.generators());
        Map<String, Long> byArchetype = largestRemainder(normalised(mix.archetypes()), docs);
        // Each level's leftovers continue where the previous archetype's (or pair's) stopped.
        int[] formatTurn = {0}, generatorTurn = {0};
        for (var ea : byArchetype.entrySet()) {
            Map<String, Long> byFormat = largestRemainder(formats, ea.getValue(), formatTurn);
            for (var ef : byFormat.entrySet()) {
                Map<String, Long> byGenerator = largestRemainder(generators, ef.getValue(), generatorTurn);
                for (var eg : byGenerator.entrySet()) {
                    if (eg.getValue() > 0) out.put(new Plan.Cell(ea.getKey(), ef.getKey(), eg.getKey()), eg.getValue());
                }
            }
        }
        return out;
    }

    private static Map<String, Double> normalised(Map<String, Double> weights) {
        double total = sum(weights);
        Map<String, Double> out = new LinkedHashMap<>();
        weights.forEach((k, w) -> { if (w > 0) out.put(k, w / total); });
        return out;
    }

    /** Hamilton's method: floors first, then the largest fractional parts get the leftovers; ties by order. */
    static <K> Map<K, Long> largestRemainder(Map<K, Double> shares, long total) {
        return largestRemainder(shares, total, new int[1]);
    }

    /**
     * As above; ties between equal fractions go first to the key at {@code turn[0]} (mod size), then
     * onwards, and {@code turn[0]} moves past the keys that got one, for the next call to go on from.
     */
    static <K> Map<K, Long> largestRemainder(Map<K, Double> shares, long total, int[] turn) {
        Map<K, Long> out = new LinkedHashMap<>();
        List<Map.Entry<K, Double>> rema = new ArrayList<>();
        long assigned = 0;
        for (var e : shares.entrySet()) {
            double exact = e.getValue() * total;
            long floor = (long) Math.floor(exact + 1e-9);
            out.put(e.getKey(), floor);
            assigned += floor;
            rema.add(Map.entry(e.getKey(), exact - floor));
        }
        List<Map.Entry<K, Double>> order = new ArrayList<>(rema.size());
        for (int i = 0; i < rema.size(); i++) order.add(rema.get((i + turn[0] % rema.size()) % rema.size()));
        // A stable sort on fractions rounded to 1e-9, so equal shares keep the rotated order.
        order.sort((x, y) -> Long.compare(Math.round(y.getValue() * 1e9), Math.round(x.getValue() * 1e9)));
        for (int i = 0; assigned < total; i++, assigned++) {
            K k = order.get(i % order.size()).getKey();
            out.merge(k, 1L, Long::sum);
            turn[0]++;
        }
        return out;
    }

    private static double sum(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }

}
