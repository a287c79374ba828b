package org.leveling.promotion.domain.appeal;

import jakarta.enterprise.context.ApplicationScoped;
import org.leveling.promotion.domain.nomination.OpenAppeals;

/** Open appeals as the appeal rows say. */
@ApplicationScoped
public class AppealsAwaitingRuling implements OpenAppeals {

    @Override
    public boolean isOpenFor(String nominationId) {
        return Appeal.count("nominationId = ?1 and status = ?2", nominationId, Appeal.Status.OPEN) > 0;
    }
}
