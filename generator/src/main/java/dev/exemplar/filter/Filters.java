package dev.exemplar.filter;

import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.Mix;

import java.util.ArrayList;
import java.util.List;

/** Builds the filter chain a mix asks for, in the order they run. */
public final class Filters {
    private Filters() {}

    public static List<DocumentFilter> fromMix(Mix mix, Catalog catalog) {
        FilterSettings s = mix.filters();
        List<DocumentFilter> out = new ArrayList<>();
        out.add(new LengthFilter(s.minWords(), s.maxWords()));
        if (s.placeholders()) out.add(new PlaceholderFilter());
        return out;
    }
}
