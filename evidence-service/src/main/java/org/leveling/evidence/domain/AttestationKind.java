package org.leveling.evidence.domain;

/** The management chain acknowledges or challenges; peers endorse. */
public enum AttestationKind {
    ACKNOWLEDGED, CHALLENGED, ENDORSED
}
