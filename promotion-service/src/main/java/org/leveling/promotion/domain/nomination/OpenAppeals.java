package org.leveling.promotion.domain.nomination;

/** Whether a case has an appeal waiting for its ruling, as case access needs to know it (implemented by the appeals). */
public interface OpenAppeals {

    boolean isOpenFor(String nominationId);
}
