package org.leveling.evidence.domain.packet;

import org.leveling.common.changes.DomainEvent;

/** A submitted nomination got its packet. */
public record PacketAssembled(Packet packet) implements DomainEvent {
}
