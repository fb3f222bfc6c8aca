package dev.exemplar.audit;

import java.io.IOException;
import java.nio.file.Path;

/** Public access to {@link RunFixture} for tests in other packages. */
public final class RunFixtures {
    private RunFixtures() {}

    public static Path write(Path dir) throws IOException {
        return RunFixture.write(dir);
    }

    public static void writeLabels(Path dir) throws IOException {
        RunFixture.writeLabels(dir);
    }
}
