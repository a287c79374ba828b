package org.leveling.levels;

import org.leveling.common.testing.badinput.BadInputContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputTest extends BadInputContract {
}
