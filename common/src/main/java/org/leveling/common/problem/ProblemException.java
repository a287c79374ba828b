package org.leveling.common.problem;

import java.util.List;

/**
 * An application failure that maps to one problem details response. Services throw subclasses
 * (or this) from the domain or service layer; the mappers turn them into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final ProblemType type;
    private final List<Problem.FieldViolation> violations;

    public ProblemException(int status, ProblemType type, String detail, List<Problem.FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    /** A 409: the request conflicts with the current state (a duplicate key, a state-machine rule). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemType.CONFLICT, detail, List.of());
    }

    /** 403 for a caller who may see the resource but not do this to it (the detail says who may). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemType.FORBIDDEN, detail, List.of());
    }

    /** Throws the 400 that lists every located problem, if there is any; {@code detail} says what was refused. */
    public static void refuseIfAny(String detail, List<Problem.FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, ProblemType.VALIDATION_FAILED, detail, List.copyOf(violations));
        }
    }

    public int status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldViolation> violations() {
        return violations;
    }
}
