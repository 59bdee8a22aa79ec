package dev.portcullis.oauth.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Keeps this module's own package out of the production import. {@link ImportOption.DoNotIncludeTests}
 * already drops everything compiled from {@code src/test} (the rules and the deliberately bad fixture
 * classes); this option still holds when the rules run from a jar or an IDE's output folder.
 */
public final class DoNotIncludeArchitectureTests implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/dev/portcullis/oauth/architecture/");
    }
}
