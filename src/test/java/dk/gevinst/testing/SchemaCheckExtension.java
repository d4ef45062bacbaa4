package dk.gevinst.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (junit-platform.properties, META-INF/services): before any test runs,
 * the publish hook checks each decision document against the schema, whatever the test calls.
 */
public final class SchemaCheckExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        SchemaCheckedPublications.installOnce();
    }
}
