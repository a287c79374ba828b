package org.leveling.promotion;

import org.leveling.common.testing.PeopleDirectoryContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PeopleDirectoryTest extends PeopleDirectoryContract {
}
