package org.leveling.evidence.domain.packet;

import java.util.List;

/** What the packet saga needs of a nomination that was submitted: whose, for which level, and its committee. */
public record SubmittedNomination(String nominationId, String candidateId, String frameworkKey, int frameworkVersion,
        String targetLevel, List<String> committeeMembers) {
}
