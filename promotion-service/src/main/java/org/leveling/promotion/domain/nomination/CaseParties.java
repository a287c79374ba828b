package org.leveling.promotion.domain.nomination;

import java.util.List;

/**
 * Who a case is about and who has a part in it: all that the access rules of {@link CaseAccess}
 * read. A loaded {@link Nomination} is one; {@link Projection} is one read without loading the
 * entity, so that a caller who may not see the case is refused before anything else of it is read.
 */
public interface CaseParties {

    String id();

    String cycleId();

    String candidateId();

    String nominatorId();

    String committeeId();

    List<String> eligibleMembers();

    /** The parties of a case as one row of the nomination table. */
    record Projection(String id, String cycleId, String candidateId, String nominatorId, String committeeId,
            List<String> eligibleMembers) implements CaseParties {

        public Projection {
            eligibleMembers = eligibleMembers == null ? List.of() : List.copyOf(eligibleMembers);
        }

        /** A case that does not exist, about nobody, in no cycle: what an unknown id is checked against. */
        static Projection standIn(String id) {
            return new Projection(id, id, id, id, id, List.of());
        }
    }
}
