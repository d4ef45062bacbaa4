package dk.gevinst.generate;

import java.time.LocalDateTime;

/** One exported version of a simulated case: a full snapshot, as case systems export them. */
record CaseVersion(Scenario.System system, String caseId, String unit, String caseType, LocalDateTime openedAt,
                   LocalDateTime decidedAt, Double handlingMinutes, String caseworker, String citizen, boolean reopened,
                   boolean appealed, boolean overturned, LocalDateTime updatedAt, String note) {}
