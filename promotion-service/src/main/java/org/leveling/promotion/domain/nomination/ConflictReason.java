package org.leveling.promotion.domain.nomination;

/** Why someone may not review a case, whatever roles their token carries. */
public enum ConflictReason {
    /** The case is about them. */
    CANDIDATE,
    /** They nominated the candidate. */
    NOMINATOR,
    /** They are above the candidate in the management chain as it is now. */
    MANAGEMENT_CHAIN,
    /** They declared a recusal from the case. */
    RECUSED,
    /** They acknowledged or endorsed evidence that is in the case's packet. */
    ATTESTED_EVIDENCE
}
