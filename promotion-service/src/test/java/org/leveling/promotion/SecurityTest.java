package org.leveling.promotion;

import org.leveling.common.testing.SecurityContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SecurityTest extends SecurityContract {
}
