package org.leveling.levels;

import org.leveling.common.testing.ProblemDetailsContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemDetailsTest extends ProblemDetailsContract {
}
