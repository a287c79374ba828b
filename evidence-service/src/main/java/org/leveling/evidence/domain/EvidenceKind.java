package org.leveling.evidence.domain;

/** What sort of thing a piece of evidence is. */
public enum EvidenceKind {
    LAUNCH, CROSS_TEAM_INITIATIVE, MENTORING, STRATEGY, STAKEHOLDER_MANAGEMENT, FEEDBACK_RECEIVED, OTHER
}
