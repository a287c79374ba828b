package org.leveling.promotion.domain.cycle;

/** planned → nominations open → in review → calibrating → closed; one step at a time, never back. */
public enum CycleState {
    PLANNED, NOMINATIONS_OPEN, IN_REVIEW, CALIBRATING, CLOSED;

    /** The actions of POST /cycles/{id}/transitions and the state each leads to from the one before. */
    public enum Action {
        OPEN_NOMINATIONS(PLANNED, NOMINATIONS_OPEN),
        START_REVIEW(NOMINATIONS_OPEN, IN_REVIEW),
        CALIBRATE(IN_REVIEW, CALIBRATING),
        CLOSE(CALIBRATING, CLOSED);

        private final CycleState from;
        private final CycleState to;

        Action(CycleState from, CycleState to) {
            this.from = from;
            this.to = to;
        }

        public CycleState from() {
            return from;
        }

        public CycleState to() {
            return to;
        }
    }
}
