package org.leveling.evidence.domain;

/**
 * draft → submitted → acknowledged or challenged (by the subject's management chain); anything but
 * withdrawn can be withdrawn. Only a draft can be edited.
 */
public enum EvidenceStatus {
    DRAFT, SUBMITTED, ACKNOWLEDGED, CHALLENGED, WITHDRAWN;

    public boolean canMoveTo(EvidenceStatus next) {
        return switch (next) {
            case SUBMITTED -> this == DRAFT;
            case ACKNOWLEDGED, CHALLENGED -> this == SUBMITTED;
            case WITHDRAWN -> this != WITHDRAWN;
            case DRAFT -> false;
        };
    }
}
