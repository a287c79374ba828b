package org.leveling.levels.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;

import org.leveling.common.changes.DomainEvent;
import org.leveling.common.changes.OneWireRecordEach;
import org.leveling.common.outbox.OutboxEvent;
import org.leveling.levels.domain.LevelChangeProposalDecided;
import org.leveling.levels.domain.LevelChangeProposed;
import org.leveling.levels.domain.LevelChanged;
import org.leveling.levels.domain.PersonUpserted;
import org.leveling.levels.domain.area.AreaOwnerChanged;
import org.leveling.levels.domain.framework.FrameworkPublished;
import org.leveling.levels.domain.framework.FrameworkRetired;
import org.leveling.levels.messaging.AreaOwnerChangedV1;
import org.leveling.levels.messaging.FrameworkPublishedV1;
import org.leveling.levels.messaging.FrameworkRetiredV1;
import org.leveling.levels.messaging.LevelChangeProposalDecidedV1;
import org.leveling.levels.messaging.LevelChangeProposedV1;
import org.leveling.levels.messaging.LevelChangedV1;
import org.leveling.levels.messaging.PersonUpsertedV1;

/** levels-service's domain events as the versioned records of its two topics (docs/events/). */
@ApplicationScoped
public class LevelsWireEvents extends OneWireRecordEach {

    @Override
    protected OutboxEvent wireRecordOf(DomainEvent event) {
        if (event instanceof PersonUpserted e) {
            return new PersonUpsertedV1(e.employeeId(), e.name(), e.managerId(), e.orgUnit(), e.jobFamily(), e.track(),
                    e.revision(), e.upsertedAt()).toOutbox();
        }
        if (event instanceof LevelChanged e) {
            return new LevelChangedV1(e.employeeId(), e.frameworkKey(), e.frameworkVersion(), e.level(),
                    e.previousLevel(), e.effectiveFrom(), e.reason().name(), e.sourceRef(), e.historyEntryId())
                    .toOutbox();
        }
        if (event instanceof LevelChangeProposed e) {
            return LevelChangeProposedV1.of(e.proposal()).toOutbox();
        }
        if (event instanceof LevelChangeProposalDecided e) {
            return LevelChangeProposalDecidedV1.of(e.proposal()).toOutbox();
        }
        if (event instanceof AreaOwnerChanged e) {
            return new AreaOwnerChangedV1(e.areaKey(), e.name(), e.ownerId(), e.previousOwnerId(), e.revision(),
                    e.since()).toOutbox();
        }
        if (event instanceof FrameworkPublished e) {
            return new FrameworkPublishedV1(e.frameworkKey(), e.name(), e.jobFamily(), e.version(), e.publishedAt(),
                    e.document()).toOutbox();
        }
        if (event instanceof FrameworkRetired e) {
            return new FrameworkRetiredV1(e.frameworkKey(), e.version(), e.retiredAt()).toOutbox();
        }
        throw new IllegalArgumentException("levels-service does not announce " + event.getClass().getName());
    }
}
