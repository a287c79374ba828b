package org.leveling.promotion;

import org.leveling.common.testing.ProblemDetailsContract;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemDetailsTest extends ProblemDetailsContract {
}
