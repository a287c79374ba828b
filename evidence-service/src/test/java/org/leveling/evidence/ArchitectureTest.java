package org.leveling.evidence;

import org.leveling.common.testing.ArchitectureContract;

/** The package rules of common's architecture contract, on this service's main classes. */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String basePackage() {
        return "org.leveling.evidence";
    }
}
