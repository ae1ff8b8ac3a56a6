package com.dealerops.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers {@link EmbeddedPostgresResource} once, for every test of the run. */
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class UsesEmbeddedPostgres {
    private UsesEmbeddedPostgres() {
    }
}
