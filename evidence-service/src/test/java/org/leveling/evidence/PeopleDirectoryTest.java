package org.leveling.evidence;

import org.leveling.common.testing.PeopleDirectoryContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PeopleDirectoryTest extends PeopleDirectoryContract {
}
