package org.leveling.levels.domain;

import java.util.Objects;

import org.leveling.common.problem.Problem;
import org.leveling.common.problem.ProblemException;
import org.leveling.common.security.Caller;

/**
 * Nobody changes their own record, whatever roles their token carries: their level, and where
 * they sit in the organisation (manager, org unit, track). The rules compare the caller's
 * employee id with the person written, so hr-admin is bound by them like everyone else.
 */
final class SeparationOfDuties {

    static final String OWN_LEVEL = "Nobody changes their own level history, whatever their roles: another hr-admin "
            + "records or proposes it.";
    static final String OWN_PLACEMENT = "Nobody changes their own manager, org unit or track, whatever their roles: "
            + "another hr-admin makes the change.";
    static final String OWN_IMPORT_ROW = "is your own record: nobody imports their own directory entry; another "
            + "hr-admin does";

    private SeparationOfDuties() {
    }

    static boolean isSelf(Caller caller, String employeeId) {
        return !caller.isAnonymous() && caller.employeeId().equals(employeeId);
    }

    static void refuseOwnLevel(Caller caller, String employeeId) {
        if (isSelf(caller, employeeId)) {
            throw ProblemException.forbidden(OWN_LEVEL);
        }
    }

    /** Refuses a caller's upsert of themselves that changes manager, org unit or track ({@code before} null: new). */
    static void refuseOwnPlacement(Caller caller, String employeeId, PersonDetails before, PersonDetails after) {
        if (isSelf(caller, employeeId) && movesInTheOrganisation(before, after)) {
            throw ProblemException.forbidden(OWN_PLACEMENT);
        }
    }

    /** The per-row reason of an import row about the caller. */
    static Problem.FieldViolation ownImportRow() {
        return new Problem.FieldViolation("employeeId", OWN_IMPORT_ROW);
    }

    private static boolean movesInTheOrganisation(PersonDetails before, PersonDetails after) {
        if (before == null) {
            return after.managerId() != null || after.orgUnit() != null || after.track() != null;
        }
        return !Objects.equals(before.managerId(), after.managerId())
                || !Objects.equals(before.orgUnit(), after.orgUnit())
                || !Objects.equals(before.track(), after.track());
    }
}
